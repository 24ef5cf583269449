import { LabError } from '../lab-error';
import { parseInput } from './request-validation';
import { createSecretInput, putSecretValueInput, updateSecretInput } from './request-schemas';
import { checkSecretName, newSecretArn, refuseManaged, requireActive, requireSecret } from './secret-lookup';
import type { StoredSecret } from './secret-model';
import { newVersionId, optionalValue, requiredValue } from './secret-value-input';
import type { SecretsAction } from './secrets-context';
import { addVersion, AWSCURRENT } from './version-stages';

/** CreateSecret: a new secret, with its first version as AWSCURRENT when a value is given. */
export const createSecret: SecretsAction = async (ctx, raw) => {
  const input = parseInput(createSecretInput, raw);
  checkSecretName(input.Name);
  if (input.AddReplicaRegions && input.AddReplicaRegions.length > 0) {
    throw new LabError(
      'InvalidRequestException',
      'The local lab has one region; it cannot replicate secrets.',
    );
  }
  const value = optionalValue(input);
  const stamp = ctx.now().toISOString();
  return ctx.store.update((secrets) => {
    const existing = secrets.find((secret) => secret.name === input.Name);
    if (existing?.deletedAt !== undefined) {
      throw new LabError(
        'InvalidRequestException',
        "You can't create this secret because a secret with this name is already scheduled for deletion.",
      );
    }
    if (existing && value && input.ClientRequestToken !== undefined) {
      // The SDK retries with the same token after a lost reply; that retry must not fail.
      const { versionId, retried } = newVersionId(existing, input.ClientRequestToken, value);
      if (retried) return { ARN: existing.arn, Name: existing.name, VersionId: versionId };
    }
    if (existing) {
      throw new LabError(
        'ResourceExistsException',
        `The operation failed because the secret ${input.Name} already exists.`,
      );
    }
    const secret: StoredSecret = {
      arn: newSecretArn(ctx.region, input.Name),
      name: input.Name,
      description: input.Description,
      kmsKeyId: input.KmsKeyId,
      tags: (input.Tags ?? []).map((tag) => ({ Key: tag.Key, Value: tag.Value ?? '' })),
      createdAt: stamp,
      lastChangedAt: stamp,
      versions: [],
    };
    let versionId: string | undefined;
    if (value) {
      versionId = newVersionId(secret, input.ClientRequestToken, value).versionId;
      addVersion(secret, versionId, value, [AWSCURRENT], stamp);
    }
    secrets.push(secret);
    return { ARN: secret.arn, Name: secret.name, VersionId: versionId };
  });
};

/** PutSecretValue: a new version; AWSCURRENT (or the given stages) move to it. */
export const putSecretValue: SecretsAction = async (ctx, raw) => {
  const input = parseInput(putSecretValueInput, raw);
  const value = requiredValue(input);
  const stamp = ctx.now().toISOString();
  return ctx.store.update((secrets) => {
    const secret = requireActive(requireSecret(secrets, input.SecretId));
    refuseManaged(secret);
    const { versionId, retried } = newVersionId(secret, input.ClientRequestToken, value);
    if (!retried) {
      addVersion(secret, versionId, value, input.VersionStages ?? [AWSCURRENT], stamp);
      secret.lastChangedAt = stamp;
    }
    const stages = secret.versions.find((version) => version.versionId === versionId)?.stages ?? [];
    return { ARN: secret.arn, Name: secret.name, VersionId: versionId, VersionStages: [...stages] };
  });
};

/** UpdateSecret: description / KMS key, and a new AWSCURRENT version when a value is given. */
export const updateSecret: SecretsAction = async (ctx, raw) => {
  const input = parseInput(updateSecretInput, raw);
  const value = optionalValue(input);
  const stamp = ctx.now().toISOString();
  return ctx.store.update((secrets) => {
    const secret = requireActive(requireSecret(secrets, input.SecretId));
    refuseManaged(secret);
    let versionId: string | undefined;
    if (value) {
      const next = newVersionId(secret, input.ClientRequestToken, value);
      versionId = next.versionId;
      if (!next.retried) addVersion(secret, versionId, value, [AWSCURRENT], stamp);
    }
    if (input.Description !== undefined) secret.description = input.Description;
    if (input.KmsKeyId !== undefined) secret.kmsKeyId = input.KmsKeyId;
    secret.lastChangedAt = stamp;
    return { ARN: secret.arn, Name: secret.name, VersionId: versionId };
  });
};
