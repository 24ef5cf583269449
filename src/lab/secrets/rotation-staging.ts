import { randomUUID } from 'node:crypto';
import { LabError } from '../lab-error';
import type { MasterPasswordSetter } from './managed-secrets';
import { generatePassword, RDS_PASSWORD_RULES } from './password-generator';
import { requireActive } from './secret-lookup';
import type { StoredRotation, StoredSecret } from './secret-model';
import type { SecretsContext } from './secrets-context';
import { addVersion, AWSCURRENT, AWSPENDING, findVersion } from './version-stages';

export interface RotateOptions {
  token?: string;
  lambdaArn?: string;
  rules?: { AutomaticallyAfterDays?: number; ScheduleExpression?: string; Duration?: string };
  immediately?: boolean;
}

/** A rotation ready to change the instance's password: the new value waits as AWSPENDING. */
export interface Staged {
  arn: string;
  name: string;
  instanceId: string;
  versionId: string;
  password: string;
  setter: MasterPasswordSetter;
}

/**
 * The first step of a rotation, inside one store update: checks the secret may rotate, applies new
 * rotation rules, and stages the new password as AWSPENDING. Returns the reply at once when there is
 * nothing to rotate now (RotateImmediately=false, or a retried call whose version is already current).
 */
export function stageRotation(
  ctx: SecretsContext,
  secret: StoredSecret,
  opts: RotateOptions,
  stamp: string,
): Staged | { ARN: string; Name: string; VersionId?: string } {
  requireActive(secret);
  const instanceId = managedInstance(secret, opts.lambdaArn);
  if (opts.rules) secret.rotation = { enabled: true, ...rotationRules(opts.rules) };
  const reply = { ARN: secret.arn, Name: secret.name };
  if (opts.immediately === false) return reply;
  const retried = secret.versions.find((version) => version.versionId === opts.token);
  if (retried?.stages.includes(AWSCURRENT)) return { ...reply, VersionId: retried.versionId };
  const setter = ctx.passwordSetter();
  if (!setter) {
    throw new LabError(
      'InvalidRequestException',
      `Secret ${secret.name} cannot rotate now: the lab's RDS emulation, which changes the instance's password, is not running.`,
    );
  }
  // A pending version left by an interrupted rotation is retried with its password, as AWS re-attempts
  // an incomplete rotation: the instance may already have that password.
  const pending = secret.versions.find(
    (v) => v.stages.includes(AWSPENDING) && !v.stages.includes(AWSCURRENT),
  );
  if (pending) return { arn: secret.arn, name: secret.name, instanceId, setter, ...pendingPassword(pending) };
  const current = findVersion(secret, undefined, AWSCURRENT);
  const password = generatePassword(RDS_PASSWORD_RULES);
  const value = { ...credentialsOf(current.secretString), password };
  const versionId = opts.token ?? randomUUID();
  addVersion(secret, versionId, { secretString: JSON.stringify(value) }, [AWSPENDING], stamp);
  return { arn: secret.arn, name: secret.name, instanceId, versionId, password, setter };
}

/** The RDS instance behind a managed master secret; any other secret would need a Lambda function. */
function managedInstance(secret: StoredSecret, lambdaArn: string | undefined): string {
  if (secret.owningService === 'rds' && secret.rdsInstanceId !== undefined) {
    if (lambdaArn !== undefined) {
      throw new LabError(
        'InvalidParameterException',
        'This secret uses managed rotation by RDS; omit RotationLambdaARN.',
      );
    }
    return secret.rdsInstanceId;
  }
  const arn = lambdaArn ?? secret.rotation?.lambdaArn;
  if (arn === undefined) {
    throw new LabError(
      'InvalidRequestException',
      'No Lambda rotation function ARN is associated with this secret.',
    );
  }
  throw new LabError(
    'InvalidRequestException',
    `The local lab cannot invoke the rotation Lambda function ${arn}; only RDS-managed master secrets rotate here.`,
  );
}

function rotationRules(rules: NonNullable<RotateOptions['rules']>): Omit<StoredRotation, 'enabled'> {
  return {
    automaticallyAfterDays: rules.AutomaticallyAfterDays,
    scheduleExpression: rules.ScheduleExpression,
    duration: rules.Duration,
  };
}

function pendingPassword(version: { versionId: string; secretString?: string }): {
  versionId: string;
  password: string;
} {
  const password = credentialsOf(version.secretString).password;
  if (typeof password !== 'string')
    throw new LabError('InternalServiceError', 'The pending version has no password.', 500);
  return { versionId: version.versionId, password };
}

function credentialsOf(secretString: string | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(secretString ?? '');
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new LabError(
    'InternalServiceError',
    'The RDS master secret does not hold a JSON credentials object.',
    500,
  );
}
