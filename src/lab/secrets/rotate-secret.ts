import { LabError } from '../lab-error';
import { parseInput } from './request-validation';
import { rotateSecretInput } from './request-schemas';
import { findSecret, requireSecret } from './secret-lookup';
import type { SecretsAction, SecretsContext } from './secrets-context';
import { stageRotation, type RotateOptions } from './rotation-staging';
import { attachStage, AWSCURRENT, AWSPENDING, detachStage } from './version-stages';

// Changing a password on a running instance takes milliseconds; a stopped or hung one must not hold
// the caller forever.
const SETTER_TIMEOUT_MS = 60_000;

/** RotateSecret: managed rotation of RDS master secrets; the lab runs no Lambda rotation functions. */
export const rotateSecret: SecretsAction = async (ctx, raw) => {
  const input = parseInput(rotateSecretInput, raw);
  return rotate(ctx, input.SecretId, {
    token: input.ClientRequestToken,
    lambdaArn: input.RotationLambdaARN,
    rules: input.RotationRules,
    immediately: input.RotateImmediately,
  });
};

/**
 * Rotates an RDS master secret as AWS's managed rotation does: a new version with a new password is
 * staged as AWSPENDING, the instance's real password is changed, then AWSCURRENT moves to the new
 * version and the old one becomes AWSPREVIOUS. If the password change fails, the pending version is
 * dropped and AWSCURRENT still holds the password the instance has.
 */
export async function rotate(ctx: SecretsContext, secretId: string, opts: RotateOptions): Promise<unknown> {
  const stamp = ctx.now().toISOString();
  const staged = await ctx.store.update((secrets) =>
    stageRotation(ctx, requireSecret(secrets, secretId), opts, stamp),
  );
  if (!('setter' in staged)) return staged;
  try {
    await withTimeout(staged.setter(staged.instanceId, staged.password), SETTER_TIMEOUT_MS);
  } catch (error) {
    await ctx.store.update((secrets) => {
      const secret = findSecret(secrets, staged.arn);
      if (secret)
        secret.versions = secret.versions.filter((version) => version.versionId !== staged.versionId);
    });
    const reason = error instanceof Error ? error.message : String(error);
    throw new LabError(
      'InvalidRequestException',
      `Rotation of ${staged.name} failed and was rolled back; AWSCURRENT still holds the previous password: ${reason}`,
    );
  }
  const done = ctx.now().toISOString();
  await ctx.store.update((secrets) => {
    const secret = findSecret(secrets, staged.arn);
    if (!secret) return;
    attachStage(secret, AWSCURRENT, staged.versionId);
    detachStage(secret, AWSPENDING, staged.versionId);
    secret.lastRotatedAt = done;
    secret.lastChangedAt = done;
  });
  return { ARN: staged.arn, Name: staged.name, VersionId: staged.versionId };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the password change did not finish within ${ms / 1000} s`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
