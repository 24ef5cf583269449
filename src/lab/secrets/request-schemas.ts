import { z } from 'zod';

/**
 * Request members and their limits, from the Secrets Manager API reference (only the members the lab
 * acts on; unknown members are dropped, as AWS ignores them). Semantic checks that AWS reports with
 * other exceptions (recovery window range, both values given) live in the actions.
 */
const secretId = z.string().min(1).max(2048);
const token = z.string().min(32).max(64);
const secretString = z.string().max(65536);
const secretBinary = z.string().max(87384); // base64 of 65536 bytes
const description = z.string().max(2048);
const kmsKeyId = z.string().max(2048);
const stage = z.string().min(1).max(256);
const tag = z.object({ Key: z.string().min(1).max(128), Value: z.string().max(256).optional() });
const maxResults = z.number().int().min(1).max(100);
const nextToken = z.string().min(1).max(4096);

export const createSecretInput = z.object({
  Name: z.string().min(1).max(512),
  ClientRequestToken: token.optional(),
  Description: description.optional(),
  KmsKeyId: kmsKeyId.optional(),
  SecretString: secretString.optional(),
  SecretBinary: secretBinary.optional(),
  Tags: z.array(tag).max(50).optional(),
  AddReplicaRegions: z.array(z.unknown()).optional(),
});

export const getSecretValueInput = z.object({
  SecretId: secretId,
  VersionId: token.optional(),
  VersionStage: stage.optional(),
});

export const secretIdInput = z.object({ SecretId: secretId });

export const listSecretsInput = z.object({
  IncludePlannedDeletion: z.boolean().optional(),
  MaxResults: maxResults.optional(),
  NextToken: nextToken.optional(),
  Filters: z
    .array(
      z.object({
        Key: z
          .enum(['description', 'name', 'tag-key', 'tag-value', 'primary-region', 'owning-service', 'all'])
          .optional(),
        Values: z.array(z.string().min(1).max(512)).min(1).max(10).optional(),
      }),
    )
    .max(10)
    .optional(),
  SortOrder: z.enum(['asc', 'desc']).optional(),
  SortBy: z.enum(['created-date', 'last-accessed-date', 'last-changed-date', 'name']).optional(),
});

export const putSecretValueInput = z.object({
  SecretId: secretId,
  ClientRequestToken: token.optional(),
  SecretString: secretString.optional(),
  SecretBinary: secretBinary.optional(),
  VersionStages: z.array(stage).min(1).max(20).optional(),
});

export const updateSecretInput = z.object({
  SecretId: secretId,
  ClientRequestToken: token.optional(),
  Description: description.optional(),
  KmsKeyId: kmsKeyId.optional(),
  SecretString: secretString.optional(),
  SecretBinary: secretBinary.optional(),
});

export const deleteSecretInput = z.object({
  SecretId: secretId,
  RecoveryWindowInDays: z.number().int().optional(),
  ForceDeleteWithoutRecovery: z.boolean().optional(),
});

export const rotateSecretInput = z.object({
  SecretId: secretId,
  ClientRequestToken: token.optional(),
  RotationLambdaARN: z.string().max(2048).optional(),
  RotationRules: z
    .object({
      AutomaticallyAfterDays: z.number().int().min(1).max(1000).optional(),
      Duration: z.string().min(2).max(3).optional(),
      ScheduleExpression: z.string().min(1).max(256).optional(),
    })
    .optional(),
  RotateImmediately: z.boolean().optional(),
});

export const updateVersionStageInput = z.object({
  SecretId: secretId,
  VersionStage: stage,
  RemoveFromVersionId: token.optional(),
  MoveToVersionId: token.optional(),
});

export const listVersionIdsInput = z.object({
  SecretId: secretId,
  MaxResults: maxResults.optional(),
  NextToken: nextToken.optional(),
  IncludeDeprecated: z.boolean().optional(),
});

export const getRandomPasswordInput = z.object({
  PasswordLength: z.number().int().min(1).max(4096).optional(),
  ExcludeCharacters: z.string().max(4096).optional(),
  ExcludeNumbers: z.boolean().optional(),
  ExcludePunctuation: z.boolean().optional(),
  ExcludeUppercase: z.boolean().optional(),
  ExcludeLowercase: z.boolean().optional(),
  IncludeSpace: z.boolean().optional(),
  RequireEachIncludedType: z.boolean().optional(),
});
