import { LabError } from '../lab-error';
import { parseInput } from './request-validation';
import { deleteSecretInput, secretIdInput } from './request-schemas';
import { findSecret, refuseManaged, requireSecret } from './secret-lookup';
import { epochSeconds } from './secret-views';
import type { SecretsAction } from './secrets-context';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_RECOVERY_DAYS = 30;

/**
 * DeleteSecret: schedules deletion after a 7..30 day recovery window (30 by default); until then the
 * secret is described and listed (with IncludePlannedDeletion) but its value is refused. With
 * ForceDeleteWithoutRecovery it is gone at once, and a missing secret is not an error.
 */
export const deleteSecret: SecretsAction = async (ctx, raw) => {
  const input = parseInput(deleteSecretInput, raw);
  const force = input.ForceDeleteWithoutRecovery === true;
  if (force && input.RecoveryWindowInDays !== undefined) {
    throw new LabError(
      'InvalidParameterException',
      "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
    );
  }
  const days = input.RecoveryWindowInDays ?? DEFAULT_RECOVERY_DAYS;
  if (!force && (days < 7 || days > 30)) {
    throw new LabError(
      'InvalidParameterException',
      'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).',
    );
  }
  const now = ctx.now();
  return ctx.store.update((secrets) => {
    const secret = force ? findSecret(secrets, input.SecretId) : requireSecret(secrets, input.SecretId);
    if (!secret) return { Name: input.SecretId, DeletionDate: epochSeconds(now.toISOString()) };
    refuseManaged(secret);
    if (force) {
      secrets.splice(secrets.indexOf(secret), 1);
      return { ARN: secret.arn, Name: secret.name, DeletionDate: epochSeconds(now.toISOString()) };
    }
    if (secret.deletedAt !== undefined) {
      throw new LabError(
        'InvalidRequestException',
        "You can't perform this operation on the secret because it was already scheduled for deletion.",
      );
    }
    secret.deletedAt = now.toISOString();
    secret.deletionDate = new Date(now.getTime() + days * DAY_MS).toISOString();
    return { ARN: secret.arn, Name: secret.name, DeletionDate: epochSeconds(secret.deletionDate) };
  });
};

/** RestoreSecret: cancels a scheduled deletion (a secret not scheduled for deletion is left as is). */
export const restoreSecret: SecretsAction = async (ctx, raw) => {
  const input = parseInput(secretIdInput, raw);
  return ctx.store.update((secrets) => {
    const secret = requireSecret(secrets, input.SecretId);
    if (secret.deletedAt !== undefined) {
      delete secret.deletedAt;
      delete secret.deletionDate;
      secret.lastChangedAt = ctx.now().toISOString();
    }
    return { ARN: secret.arn, Name: secret.name };
  });
};
