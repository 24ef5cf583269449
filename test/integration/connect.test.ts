import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import {
  GetSecretValueCommand,
  RotateSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForInstanceStatus } from '../../src/lab/seed/wait-for-status';
import type { ConnectionProfile } from '../../src/shared/models/profile';
import { startAppWithLab, type AppWithLab } from '../support/app-with-lab';

// "Connect" on an instance as the app does it: the profile made from DescribeDBInstances, the master
// secret read in the main process, and a rotation survived by fetching the secret once more.
const REGION = 'us-east-1';
const INSTANCE = 'conn';
const at = { profile: '@lab', region: REGION } as const;

let app: AppWithLab;
let secrets: SecretsManagerClient;
let profile: ConnectionProfile;

/** Opens a session on the profile, runs one query, closes it; the first cell as text. */
async function queryOnce(profileId: string, sql: string): Promise<string> {
  const session = await app.call('sql.open', { profileId });
  try {
    const result = await app.call('sql.run', { sessionId: session.sessionId, sql });
    return result.kind === 'rows' ? String(result.rows[0]?.[0]) : '';
  } finally {
    await app.call('sql.close', { sessionId: session.sessionId });
  }
}

async function currentPassword(secretArn: string): Promise<string> {
  const out = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn }));
  return (JSON.parse(out.SecretString ?? '{}') as { password: string }).password;
}

beforeAll(async () => {
  app = await startAppWithLab('connect');
  const config = app.clientConfig(REGION);
  secrets = new SecretsManagerClient(config);
  const rds = new RDSClient(config);
  try {
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: INSTANCE,
        Engine: 'mariadb',
        DBInstanceClass: 'db.t3.micro',
        MasterUsername: 'admin',
        ManageMasterUserPassword: true,
      }),
    );
    await waitForInstanceStatus(rds, INSTANCE, 'available');
  } finally {
    rds.destroy();
  }
}, 180_000);

afterAll(async () => {
  secrets?.destroy();
  await app?.close();
}, 120_000);

describe('connect to an RDS instance', () => {
  it('makes a connection profile from the instance, with its master secret as the source', async () => {
    profile = await app.call('rds.connectionProfile', { ...at, id: INSTANCE });
    expect(profile).toMatchObject({
      name: INSTANCE,
      host: '127.0.0.1',
      port: expect.any(Number),
      user: 'admin',
      database: '',
      tls: false,
      engine: 'mariadb',
      hasPassword: false,
      credentials: {
        source: 'secret',
        secretArn: expect.stringContaining(':secret:rds!db-'),
        awsProfile: '@lab',
        region: REGION,
      },
      rdsInstance: { id: INSTANCE, region: REGION, arn: expect.stringContaining(`:db:${INSTANCE}`) },
    });
  });

  it('opens the same profile again rather than making another', async () => {
    const again = await app.call('rds.connectionProfile', { ...at, id: INSTANCE });
    expect(again.id).toBe(profile.id);
    const { profiles } = await app.call('profiles.list', {});
    expect(profiles.filter((p) => p.rdsInstance?.id === INSTANCE)).toHaveLength(1);
  });

  it('connects with the master secret and runs a query; the secret never reaches the renderer', async () => {
    expect(await queryOnce(profile.id, 'SELECT 1')).toBe('1');
    const secretArn = profile.credentials?.source === 'secret' ? profile.credentials.secretArn : '';
    const password = await currentPassword(secretArn);
    const { profiles } = await app.call('profiles.list', {});
    expect(JSON.stringify(profiles)).not.toContain(password);
    const test = await app.call('connections.test', { fields: profile, profileId: profile.id });
    expect(test).toMatchObject({ serverVersion: expect.stringMatching(/MariaDB/), tls: false });
  });

  it('connects after a rotation: the cached secret is refused, fetched again, and works', async () => {
    const secretArn = profile.credentials?.source === 'secret' ? profile.credentials.secretArn : '';
    const before = await currentPassword(secretArn);
    // The app cached the secret a moment ago (minutes of validity); now the real password changes.
    await secrets.send(new RotateSecretCommand({ SecretId: secretArn, RotateImmediately: true }));
    expect(await currentPassword(secretArn)).not.toBe(before);
    expect(await queryOnce(profile.id, 'SELECT CURRENT_USER()')).toMatch(/^admin@/);
  });

  it('answers an unknown instance and a missing secret with NOT_FOUND', async () => {
    expect(await app.failure('rds.connectionProfile', { ...at, id: 'nope' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    const { id: _id, createdAt: _c, updatedAt: _u, hasPassword: _h, rdsInstance: _r, ...fields } = profile;
    const missing = await app.call('profiles.save', {
      fields: {
        ...fields,
        name: 'missing secret',
        credentials: {
          source: 'secret',
          secretArn: `arn:aws:secretsmanager:${REGION}:000000000000:secret:nope-AbCdEf`,
          awsProfile: '@lab',
          region: REGION,
        },
      },
    });
    expect(await app.failure('sql.open', { profileId: missing.id })).toMatchObject({
      code: 'NOT_FOUND',
      details: { awsCode: 'ResourceNotFoundException' },
    });
  });
});
