import type { SignerConfig } from '@aws-sdk/rds-signer';
import type { Connection } from 'mysql2';
import { describe, expect, it, vi } from 'vitest';
import type { ProfileTarget } from '../../src/main/aws/client-factory';
import { DbConnector, type OpenConnection } from '../../src/main/connect/db-connector';
import { connectionOptions } from '../../src/main/mysql/connection-options';
import { AppError } from '../../src/shared/errors';
import type { ProfileFields } from '../../src/shared/models/profile';

// The lab's MariaDB has no AWS authentication plugin, so the IAM path is shown here: the real
// wiring to @aws-sdk/rds-signer (mocked: it would sign with real keys) and the mysql2 options.
const signer = vi.hoisted(() => ({ configs: [] as unknown[], issued: 0 }));
vi.mock('@aws-sdk/rds-signer', () => ({
  Signer: class {
    constructor(config: SignerConfig) {
      signer.configs.push(config);
    }
    async getAuthToken(): Promise<string> {
      signer.issued += 1;
      return `orders.abc.eu-west-1.rds.amazonaws.com:3306/?Action=connect&DBUser=app&X-Amz-Signature=${signer.issued}`;
    }
  },
}));

const KEYS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const HOST = 'orders.abc.eu-west-1.rds.amazonaws.com';

const fields: ProfileFields = {
  name: 'orders',
  host: HOST,
  port: 3306,
  user: 'app',
  database: '',
  // Off on purpose: an IAM token must still travel over TLS.
  tls: false,
  color: 'blue',
  readOnly: false,
  credentials: { source: 'iam', awsProfile: 'prod', region: 'eu-west-1' },
};

function connector(open: OpenConnection): { db: DbConnector; targets: string[] } {
  const targets: string[] = [];
  const target = {
    profile: { name: 'prod', label: 'prod', kind: 'static', source: 'credentials' },
    region: 'eu-west-1',
    config: { region: 'eu-west-1', credentials: KEYS, maxAttempts: 3, retryMode: 'adaptive' },
    fingerprint: 'f',
  } satisfies ProfileTarget;
  const aws = {
    target: async (profile: string, region?: string) => {
      targets.push(`${profile}@${region}`);
      return target;
    },
    secrets: () => {
      throw new Error('no secrets on the IAM path');
    },
  };
  return { db: new DbConnector({ aws, open }), targets };
}

describe('IAM authentication', () => {
  it('signs a fresh token for every connection with the AWS profile’s keys', async () => {
    const open = vi.fn<OpenConnection>(async () => ({}) as Connection);
    const { db, targets } = connector(open);
    await db.open(fields, 'saved password is ignored');
    await db.open(fields, undefined);

    expect(targets).toEqual(['prod@eu-west-1', 'prod@eu-west-1']);
    expect(signer.configs).toHaveLength(2);
    expect(signer.configs[0]).toEqual({
      hostname: HOST,
      port: 3306,
      username: 'app',
      region: 'eu-west-1',
      credentials: KEYS,
    });
    const [first, second] = open.mock.calls.map(([, login]) => login);
    expect(first).toMatchObject({
      user: 'app',
      iamToken: true,
      password: expect.stringContaining('Signature=1'),
    });
    expect(second?.password).toContain('Signature=2');
  });

  it('turns on the cleartext plugin and verified TLS with the RDS CA, whatever the TLS switch', () => {
    const options = connectionOptions(fields, { user: 'app', password: 'token', iamToken: true });
    expect(options.enableCleartextPlugin).toBe(true);
    expect(options.ssl).toMatchObject({ rejectUnauthorized: true, ca: expect.any(Array) });
    const saved = connectionOptions(fields, { user: 'app', password: 'pw' });
    expect(saved.enableCleartextPlugin).toBeUndefined();
    expect(saved.ssl).toBeUndefined();
  });

  it('says what to check when the server refuses the token', async () => {
    const refused = new AppError('AUTH_FAILED', "Wrong user name or password: Access denied for user 'app'", {
      driverCode: 'ER_ACCESS_DENIED_ERROR',
      errno: 1045,
    });
    const { db } = connector(async () => Promise.reject(refused));
    await expect(db.open(fields, undefined)).rejects.toMatchObject({
      code: 'AUTH_FAILED',
      message: expect.stringContaining('rds-db:connect'),
      details: { errno: 1045 },
    });
  });
});
