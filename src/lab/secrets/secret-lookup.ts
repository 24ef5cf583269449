import { randomInt } from 'node:crypto';
import { LabError } from '../lab-error';
import type { StoredSecret } from './secret-model';

/** The lab's one account, as in every ARN it hands out. */
export const LAB_ACCOUNT_ID = '000000000000';

const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SUFFIX_LENGTH = 6;
const USER_NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]+$/;

/** `arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-XXXXXX`, the random suffix as AWS adds it. */
export function newSecretArn(region: string, name: string): string {
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) suffix += SUFFIX_CHARS[randomInt(SUFFIX_CHARS.length)];
  return `arn:aws:secretsmanager:${region}:${LAB_ACCOUNT_ID}:secret:${name}-${suffix}`;
}

/** A secret by name, full ARN or partial ARN (the ARN without its random suffix). */
export function findSecret(secrets: readonly StoredSecret[], secretId: string): StoredSecret | undefined {
  return (
    secrets.find((secret) => secret.arn === secretId || secret.name === secretId) ??
    secrets.find((secret) => secret.arn.slice(0, -(SUFFIX_LENGTH + 1)) === secretId)
  );
}

export function requireSecret(secrets: readonly StoredSecret[], secretId: string): StoredSecret {
  const secret = findSecret(secrets, secretId);
  if (!secret)
    throw new LabError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
  return secret;
}

/** Most actions refuse a secret scheduled for deletion until it is restored. */
export function requireActive(secret: StoredSecret): StoredSecret {
  if (secret.deletedAt !== undefined) {
    throw new LabError(
      'InvalidRequestException',
      "You can't perform this operation on the secret because it was marked for deletion.",
    );
  }
  return secret;
}

/** Secrets another service owns (RDS master secrets) change only through that service. */
export function refuseManaged(secret: StoredSecret): void {
  if (secret.owningService !== undefined) {
    throw new LabError(
      'InvalidRequestException',
      `You can't modify secret ${secret.name} because it's managed by ${secret.owningService}. ` +
        `Use ${secret.owningService} to change it.`,
    );
  }
}

/** User-chosen names: ASCII letters, digits and `/_+=.@-` (service-owned names may also use `!`). */
export function checkSecretName(name: string): void {
  if (!USER_NAME_PATTERN.test(name)) {
    throw new LabError(
      'InvalidParameterException',
      'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@',
    );
  }
}
