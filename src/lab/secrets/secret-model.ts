import { z } from 'zod';

/**
 * How the lab keeps secrets on disk (`<dataDir>/secrets/secrets.json`). Dates are ISO strings; binary
 * values are base64. Values are stored as plain JSON: this is a local emulator whose data dir belongs
 * to the user (the file is written 0600), not a vault; never put real credentials in it.
 */
const storedVersionSchema = z.object({
  versionId: z.string(),
  secretString: z.string().optional(),
  secretBinary: z.string().optional(),
  stages: z.array(z.string()),
  createdAt: z.string(),
});

const storedRotationSchema = z.object({
  enabled: z.boolean(),
  lambdaArn: z.string().optional(),
  automaticallyAfterDays: z.number().optional(),
  scheduleExpression: z.string().optional(),
  duration: z.string().optional(),
});

const storedTagSchema = z.object({ Key: z.string(), Value: z.string() });

const storedSecretSchema = z.object({
  arn: z.string(),
  name: z.string(),
  description: z.string().optional(),
  kmsKeyId: z.string().optional(),
  tags: z.array(storedTagSchema),
  createdAt: z.string(),
  lastChangedAt: z.string(),
  /** Day precision, as AWS reports it. */
  lastAccessedAt: z.string().optional(),
  lastRotatedAt: z.string().optional(),
  /** When DeleteSecret was called; the secret is gone for good at `deletionDate`. */
  deletedAt: z.string().optional(),
  deletionDate: z.string().optional(),
  rotation: storedRotationSchema.optional(),
  /** `rds` for master secrets RDS manages; such secrets change only through RDS or rotation. */
  owningService: z.string().optional(),
  /** For RDS master secrets: the instance whose real password rotation changes. */
  rdsInstanceId: z.string().optional(),
  versions: z.array(storedVersionSchema),
});

export const secretsFileSchema = z.object({ version: z.literal(1), secrets: z.array(storedSecretSchema) });

export type StoredVersion = z.output<typeof storedVersionSchema>;
export type StoredRotation = z.output<typeof storedRotationSchema>;
export type StoredTag = z.output<typeof storedTagSchema>;
export type StoredSecret = z.output<typeof storedSecretSchema>;

/** A secret's value as stored: exactly one of the two is set. */
export interface SecretValue {
  secretString?: string;
  secretBinary?: string;
}
