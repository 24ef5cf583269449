import type { Connection } from 'mysql2';
import { AppError } from '../../shared/errors';
import type { CredentialSource, ProfileFields } from '../../shared/models/profile';
import type { AwsClientFactory } from '../aws/client-factory';
import type { DbLogin } from '../mysql/connection-options';
import { openConnection } from '../mysql/open-connection';
import { rdsSignerToken, type IamTokenSigner } from './iam-token';
import { SecretSources } from './secret-sources';

export type OpenConnection = (fields: ProfileFields, login: DbLogin) => Promise<Connection>;

export interface DbConnectorOptions {
  aws: Pick<AwsClientFactory, 'target' | 'secrets'>;
  sign?: IamTokenSigner;
  /** mysql2 by default; tests pass a fake to see the login without a server. */
  open?: OpenConnection;
  secretTtlMs?: number;
  now?: () => number;
}

const PASSWORD: CredentialSource = { source: 'password' };

/**
 * Opens a MySQL connection for a profile with the password its credential source gives: the saved
 * one, a Secrets Manager secret (fetched again once when the server refuses it: a rotation), or a
 * fresh IAM token for every connection (a token lives 15 minutes, a reconnect must not reuse it).
 */
export class DbConnector {
  private readonly secrets: SecretSources;
  private readonly sign: IamTokenSigner;
  private readonly openFn: OpenConnection;

  constructor(private readonly opts: DbConnectorOptions) {
    this.secrets = new SecretSources({ aws: opts.aws, ttlMs: opts.secretTtlMs, now: opts.now });
    this.sign = opts.sign ?? rdsSignerToken;
    this.openFn = opts.open ?? openConnection;
  }

  /** `savedPassword` is used only by the `password` source; `sshPassphrase` only with a key-file bastion. */
  async open(
    fields: ProfileFields,
    savedPassword: string | undefined,
    sshPassphrase?: string,
  ): Promise<Connection> {
    const source = fields.credentials ?? PASSWORD;
    const ssh = sshPassphrase === undefined ? {} : { sshPassphrase };
    switch (source.source) {
      case 'password':
        return this.openFn(fields, { user: fields.user, password: savedPassword, ...ssh });
      case 'secret': {
        const secret = await this.secrets.forSecret(source);
        return secret.withCredentials(
          (credentials) =>
            this.openFn(fields, { user: credentials.username, password: credentials.password, ...ssh }),
          isAccessDenied,
        );
      }
      case 'iam':
        return this.openWithIamToken(fields, source, ssh);
    }
  }

  dispose(): void {
    this.secrets.clear();
  }

  private async openWithIamToken(
    fields: ProfileFields,
    source: Extract<CredentialSource, { source: 'iam' }>,
    ssh: { sshPassphrase?: string },
  ): Promise<Connection> {
    const target = await this.opts.aws.target(source.awsProfile, source.region);
    const token = await this.sign({
      hostname: fields.host,
      port: fields.port,
      username: fields.user,
      region: source.region,
      credentials: target.config.credentials,
    });
    try {
      return await this.openFn(fields, { user: fields.user, password: token, iamToken: true, ...ssh });
    } catch (err) {
      if (err instanceof AppError && err.code === 'AUTH_FAILED') {
        throw new AppError(
          'AUTH_FAILED',
          `${err.message}. With IAM authentication the database user must be identified WITH AWSAuthenticationPlugin AS 'RDS', and ${source.awsProfile} needs rds-db:connect on it.`,
          err.details,
          err.name,
        );
      }
      throw err;
    }
  }
}

/** MySQL error 1045: the server refused this user and password (mapped by mapMysqlError). */
export function isAccessDenied(err: unknown): boolean {
  if (!(err instanceof AppError) || err.code !== 'AUTH_FAILED') return false;
  return err.details?.errno === 1045 || err.details?.driverCode === 'ER_ACCESS_DENIED_ERROR';
}
