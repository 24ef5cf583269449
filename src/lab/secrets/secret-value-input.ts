import { randomUUID } from 'node:crypto';
import { LabError } from '../lab-error';
import type { SecretValue, StoredSecret } from './secret-model';
import { sameValue } from './version-stages';

interface ValueMembers {
  SecretString?: string;
  SecretBinary?: string;
}

/** The value a request carries, if any; both at once is refused as AWS does. */
export function optionalValue(input: ValueMembers): SecretValue | undefined {
  if (input.SecretString !== undefined && input.SecretBinary !== undefined) {
    throw new LabError(
      'InvalidParameterException',
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    );
  }
  if (input.SecretString !== undefined) return { secretString: input.SecretString };
  if (input.SecretBinary !== undefined) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.SecretBinary)) {
      throw new LabError('SerializationException', 'SecretBinary must be base64-encoded.');
    }
    return { secretBinary: input.SecretBinary };
  }
  return undefined;
}

export function requiredValue(input: ValueMembers): SecretValue {
  const value = optionalValue(input);
  if (!value) {
    throw new LabError('InvalidRequestException', 'You must provide either SecretString or SecretBinary.');
  }
  return value;
}

/**
 * The version id for a new value: the request's ClientRequestToken (the SDK fills one in) or a fresh
 * UUID. `retried` is true when that version already exists with the same value: a retry after a lost
 * reply, answered as the first call was. The same token with another value is refused, as on AWS.
 */
export function newVersionId(
  secret: StoredSecret,
  token: string | undefined,
  value: SecretValue,
): { versionId: string; retried: boolean } {
  const versionId = token ?? randomUUID();
  const existing = secret.versions.find((version) => version.versionId === versionId);
  if (!existing) return { versionId, retried: false };
  if (sameValue(existing, value)) return { versionId, retried: true };
  throw new LabError(
    'ResourceExistsException',
    "You can't modify an existing version, you can only create new versions.",
  );
}
