import { AppError } from '../../shared/errors';
import { profileFieldsSchema, type CredentialSource, type ProfileFields } from '../../shared/models/profile';
import type { RdsInstance } from '../../shared/models/rds';
import { isRdsHost } from '../mysql/connection-options';

// Engines spoken by mysql2; an Aurora MySQL instance's own endpoint is a MySQL server too.
const MYSQL_ENGINES = new Set(['mysql', 'mariadb', 'aurora-mysql']);

/**
 * The connection profile "Connect" makes for an instance: its endpoint, its master user, and the
 * best credential source it offers: the RDS-managed master secret, else an IAM token when IAM
 * authentication is on, else a password the user is asked for. TLS for RDS endpoints (verified with
 * the RDS CA); the lab's endpoints on 127.0.0.1 offer none.
 */
export function connectionFieldsFor(instance: RdsInstance, awsProfile: string): ProfileFields {
  if (!MYSQL_ENGINES.has(instance.engine)) {
    throw new AppError(
      'INVALID_REQUEST',
      `${instance.id} runs ${instance.engine}; this app connects to MySQL and MariaDB instances.`,
    );
  }
  if (!instance.endpoint) {
    throw new AppError(
      'UNREACHABLE',
      `${instance.id} has no endpoint yet (it is ${instance.status}). Connect once it is available.`,
    );
  }
  const { address, port } = instance.endpoint;
  return profileFieldsSchema.parse({
    name: instance.id,
    host: address,
    port,
    user: instance.masterUsername ?? 'admin',
    database: '',
    tls: isRdsHost(address),
    color: 'blue',
    readOnly: false,
    engine: instance.engine,
    credentials: credentialSourceFor(instance, awsProfile),
  });
}

export function credentialSourceFor(instance: RdsInstance, awsProfile: string): CredentialSource {
  const region = instance.region;
  if (instance.masterUserSecret) {
    return { source: 'secret', secretArn: instance.masterUserSecret.arn, awsProfile, region };
  }
  return instance.iamAuth ? { source: 'iam', awsProfile, region } : { source: 'password' };
}

/**
 * What "Connect" updates in the profile it made before, leaving the user's own edits alone: where
 * the instance answers now (a restore or a restarted lab moves it) and, when the profile still uses
 * an RDS-managed master secret, the instance's current one (RDS makes a new secret when management
 * is turned off and on again). Undefined when nothing changed.
 */
export function refreshedFields(existing: ProfileFields, fresh: ProfileFields): ProfileFields | undefined {
  let next = existing;
  if (existing.host !== fresh.host || existing.port !== fresh.port) {
    next = { ...next, host: fresh.host, port: fresh.port };
  }
  const had = existing.credentials;
  const now = fresh.credentials;
  if (
    had?.source === 'secret' &&
    now?.source === 'secret' &&
    had.secretArn !== now.secretArn &&
    isRdsManagedSecret(had.secretArn)
  ) {
    next = { ...next, credentials: now };
  }
  return next === existing ? undefined : next;
}

/** RDS names the master secrets it manages `rds!db-<uuid>` (instances) or `rds!cluster-<uuid>`. */
export function isRdsManagedSecret(arnOrName: string): boolean {
  return /(^|:secret:)rds!(db|cluster)-/.test(arnOrName);
}
