import { parseInput } from './request-validation';
import { getSecretValueInput, secretIdInput } from './request-schemas';
import { requireActive, requireSecret } from './secret-lookup';
import { dayOf, describeView, epochSeconds } from './secret-views';
import type { SecretsAction } from './secrets-context';
import { findVersion } from './version-stages';

/** GetSecretValue: AWSCURRENT, or the version asked for by VersionId and/or VersionStage. */
export const getSecretValue: SecretsAction = async (ctx, raw) => {
  const input = parseInput(getSecretValueInput, raw);
  const today = dayOf(ctx.now());
  return ctx.store.update((secrets) => {
    const secret = requireActive(requireSecret(secrets, input.SecretId));
    const version = findVersion(secret, input.VersionId, input.VersionStage);
    // Written only when the day changes (the store skips unchanged writes), as AWS keeps days only.
    secret.lastAccessedAt = today;
    return {
      ARN: secret.arn,
      Name: secret.name,
      VersionId: version.versionId,
      SecretString: version.secretString,
      SecretBinary: version.secretBinary,
      VersionStages: [...version.stages],
      CreatedDate: epochSeconds(version.createdAt),
    };
  });
};

/** DescribeSecret: metadata only, also for secrets scheduled for deletion. */
export const describeSecret: SecretsAction = async (ctx, raw) => {
  const input = parseInput(secretIdInput, raw);
  return ctx.store.read((secrets) => describeView(requireSecret(secrets, input.SecretId), ctx.region));
};
