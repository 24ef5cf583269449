import { z } from 'zod';
import { awsProfileNameSchema, awsRegionSchema, type RdsResourceRef } from './aws';

export const PROFILE_COLORS = ['gray', 'blue', 'teal', 'green', 'yellow', 'orange', 'red', 'grape'] as const;
export type ProfileColor = (typeof PROFILE_COLORS)[number];

export const PROFILE_ENVIRONMENTS = ['production', 'staging', 'development'] as const;
export type ProfileEnvironment = (typeof PROFILE_ENVIRONMENTS)[number];

// A DNS name (RFC 1123 labels), an IPv4 address or a bracket-free IPv6 address.
const HOST_PATTERN =
  /^(?=.{1,253}$)([a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?)(\.[a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?)*\.?$|^[0-9a-fA-F:]+:[0-9a-fA-F:.]*$/;

/**
 * Where a connection's password comes from. Only names and ARNs: the values themselves are read in the
 * main process when connecting and never sent to the renderer.
 * - `password`: the one saved for the profile in the OS keychain (the default).
 * - `secret`: a Secrets Manager secret holding `{"username", "password"}` (an RDS MasterUserSecret),
 *   read with the AWS profile `awsProfile` in `region`; its username wins over the profile's.
 * - `iam`: an RDS IAM authentication token made for the profile's user with the AWS profile's keys.
 */
export const credentialSourceSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('password') }).strict(),
  z
    .object({
      source: z.literal('secret'),
      /** An ARN, or a name Secrets Manager resolves in `region`. */
      secretArn: z.string().trim().min(1, 'Choose a secret').max(2048),
      awsProfile: awsProfileNameSchema,
      region: awsRegionSchema,
    })
    .strict(),
  z.object({ source: z.literal('iam'), awsProfile: awsProfileNameSchema, region: awsRegionSchema }).strict(),
]);

export type CredentialSource = z.output<typeof credentialSourceSchema>;

/**
 * An SSH bastion the MySQL connection is forwarded through (`direct-tcpip` to the profile's host and
 * port as the bastion resolves them). The key's passphrase is kept in the secret store like passwords.
 */
export const sshTunnelSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'SSH host is required')
      .max(253, 'At most 253 characters')
      .regex(HOST_PATTERN, 'Not a valid host name or IP address'),
    port: z
      .number({ error: 'Port must be a number' })
      .int('Port must be a whole number')
      .min(1, 'Port must be between 1 and 65535')
      .max(65535, 'Port must be between 1 and 65535'),
    user: z.string().trim().min(1, 'SSH user is required').max(64, 'At most 64 characters'),
    auth: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('key'),
          keyPath: z.string().trim().min(1, 'Private key file is required').max(4096),
        })
        .strict(),
      /** The running SSH agent (`SSH_AUTH_SOCK`). */
      z.object({ kind: z.literal('agent') }).strict(),
    ]),
  })
  .strict();

export type SshTunnel = z.output<typeof sshTunnelSchema>;

export const DEFAULT_SSH_TUNNEL: SshTunnel = {
  host: '',
  port: 22,
  user: '',
  auth: { kind: 'key', keyPath: '' },
};

/** The fields a user edits; shared by the form (inline messages) and the main process (validation). */
export const profileFieldsSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(64, 'At most 64 characters'),
  host: z
    .string()
    .trim()
    .min(1, 'Host is required')
    .max(253, 'At most 253 characters')
    .regex(HOST_PATTERN, 'Not a valid host name or IP address'),
  port: z
    .number({ error: 'Port must be a number' })
    .int('Port must be a whole number')
    .min(1, 'Port must be between 1 and 65535')
    .max(65535, 'Port must be between 1 and 65535'),
  user: z.string().min(1, 'User is required').max(80, 'At most 80 characters'),
  database: z.string().trim().max(64, 'At most 64 characters'),
  tls: z.boolean(),
  color: z.enum(PROFILE_COLORS),
  readOnly: z.boolean(),
  /** Absent (files saved before sources existed) means `{ source: 'password' }`. */
  credentials: credentialSourceSchema.optional(),
  /** The engine as RDS names it (`mysql`, `mariadb`), when the profile was made from an instance. */
  engine: z.string().max(32).optional(),
  /** Absent (and in files saved before bastions existed) means a direct connection. */
  ssh: sshTunnelSchema.optional(),
  /** The environment tag: a production profile's SQL tabs get a red frame and badge. Absent = untagged. */
  environment: z.enum(PROFILE_ENVIRONMENTS).optional(),
});

export type ProfileFields = z.output<typeof profileFieldsSchema>;

/** A stored MySQL/MariaDB connection profile as the renderer sees it: never the password itself. */
export interface ConnectionProfile extends ProfileFields {
  id: string;
  hasPassword: boolean;
  /** Whether a passphrase for the SSH key is saved (absent in objects made before bastions existed). */
  hasSshPassphrase?: boolean;
  /** The RDS instance this profile was made for by `rds.connectionProfile` (found again by its ARN). */
  rdsInstance?: RdsResourceRef;
  createdAt: string;
  updatedAt: string;
}

export const profileIdSchema = z.string().min(1).max(64);

/** `undefined` keeps the stored password, `null` removes it, a string replaces it. */
export const passwordChangeSchema = z.string().max(4096).nullable().optional();

export const DEFAULT_PROFILE_FIELDS: ProfileFields = {
  name: '',
  host: '127.0.0.1',
  port: 3306,
  user: 'root',
  database: '',
  tls: false,
  color: 'blue',
  readOnly: false,
};
