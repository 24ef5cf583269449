import { CreateDBInstanceCommand, CreateDBInstanceReadReplicaCommand, RDSClient } from '@aws-sdk/client-rds';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForInstanceStatus } from '../../src/lab/seed/wait-for-status';
import { SecretCredentialSource, type DbCredentials } from '../../src/main/aws/secret-credential-source';
import type { RdsInstance } from '../../src/shared/models/rds';
import { dispatch } from '../../src/shared/rpc';
import { startAppWithLab, type AppWithLab } from '../support/app-with-lab';

const REGION = 'us-east-1';
const PRIMARY = 'awsdemo';
const REPLICA = 'awsdemo-replica';

let app: AppWithLab;
let rds: RDSClient;
let secrets: SecretsManagerClient;

beforeAll(async () => {
  app = await startAppWithLab('aws-lab');
  const config = app.clientConfig(REGION);
  rds = new RDSClient(config);
  secrets = new SecretsManagerClient(config);
}, 180_000);

afterAll(async () => {
  rds?.destroy();
  secrets?.destroy();
  await app?.close();
}, 120_000);

describe('the app’s AWS channels against the lab over the wire', () => {
  it('lists the running lab as the first profile and answers GetCallerIdentity through its STS', async () => {
    const list = await app.call('aws.profiles', {});
    expect(list.profiles[0]).toMatchObject({ name: '@lab', kind: 'lab', running: true, region: REGION });
    expect(app.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await app.call('aws.identity', { profile: '@lab' })).toEqual({
      profile: '@lab',
      region: REGION,
      account: '000000000000',
      arn: 'arn:aws:iam::000000000000:user/lab',
      userId: 'AIDALOCALLABUSER00001',
    });
  });

  it('lists a primary and its replica with their topology, endpoints and master secret', async () => {
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: PRIMARY,
        Engine: 'mariadb',
        DBInstanceClass: 'db.t3.micro',
        AllocatedStorage: 20,
        MasterUsername: 'admin',
        ManageMasterUserPassword: true,
      }),
    );
    await waitForInstanceStatus(rds, PRIMARY, 'available');
    await rds.send(
      new CreateDBInstanceReadReplicaCommand({
        DBInstanceIdentifier: REPLICA,
        SourceDBInstanceIdentifier: PRIMARY,
      }),
    );
    await waitForInstanceStatus(rds, REPLICA, 'available');

    const { regions } = await app.call('rds.listInstances', {
      profile: '@lab',
      regions: [REGION],
    });
    expect(regions).toHaveLength(1);
    const instances = 'instances' in regions[0]! ? regions[0].instances : [];
    const byId = new Map(instances.map((i) => [i.id, i]));
    const primary = byId.get(PRIMARY) as RdsInstance;
    expect(primary).toMatchObject({
      engine: 'mariadb',
      status: 'available',
      region: REGION,
      role: 'primary',
      replicaIds: [REPLICA],
      endpoint: { address: expect.any(String), port: expect.any(Number) },
      masterUserSecret: { arn: expect.stringContaining(':secret:rds!db-') },
    });
    expect(byId.get(REPLICA)).toMatchObject({
      role: 'replica',
      sourceId: PRIMARY,
      source: { id: PRIMARY, region: REGION },
    });
    expect(JSON.parse(JSON.stringify(primary))).toEqual(primary);
  });

  it('describes an instance with its recent events and snapshots', async () => {
    const detail = await app.call('rds.describeInstance', {
      profile: '@lab',
      region: REGION,
      id: PRIMARY,
    });
    expect(detail.instance.id).toBe(PRIMARY);
    expect(detail.events.length).toBeGreaterThan(0);
    expect(detail.eventsError).toBeUndefined();
    expect(detail.snapshotsError).toBeUndefined();
    const missing = await dispatch(
      app.services.handlers,
      'rds.describeInstance',
      { profile: '@lab', region: REGION, id: 'nope' },
      {
        transport: 'direct',
      },
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists the RDS-managed secret with its owning instance, never its value', async () => {
    const { secrets: list } = await app.call('secrets.list', {
      profile: '@lab',
      region: REGION,
    });
    const managed = list.find((s) => s.rdsOwner?.id === PRIMARY);
    expect(managed).toMatchObject({
      owningService: 'rds',
      rotationEnabled: true,
      rdsOwner: { kind: 'instance', region: REGION },
    });
    expect(JSON.stringify(list)).not.toMatch(/password/i);
  });

  it('connects with the master secret, and again after a rotation by fetching the secret once more', async () => {
    const { regions } = await app.call('rds.listInstances', {
      profile: '@lab',
      regions: [REGION],
    });
    const primary = ('instances' in regions[0]! ? regions[0].instances : []).find(
      (i) => i.id === PRIMARY,
    ) as RdsInstance;
    const source = new SecretCredentialSource({
      client: secrets,
      secretId: primary.masterUserSecret?.arn ?? '',
    });
    const attempts: string[] = [];
    const connect = async (credentials: DbCredentials): Promise<number> => {
      attempts.push(credentials.password);
      const conn = await createConnection({
        host: primary.endpoint?.address,
        port: primary.endpoint?.port,
        user: credentials.username,
        password: credentials.password,
      });
      try {
        const [rows] = await conn.query('SELECT 1 AS one');
        return (rows as { one: number }[])[0]?.one ?? 0;
      } finally {
        await conn.end();
      }
    };
    const isAuthFailure = (err: unknown): boolean =>
      (err as { code?: string }).code === 'ER_ACCESS_DENIED_ERROR';
    expect(await source.withCredentials(connect, isAuthFailure)).toBe(1);

    // The lab rotates the secret and the real password; the source still holds the old one.
    const rotated = await fetch(`${app.endpoint}/_lab/fault`, {
      method: 'POST',
      headers: app.adminHeaders(),
      body: JSON.stringify({ kind: 'rotate-secret', target: primary.masterUserSecret?.arn }),
    });
    expect(rotated.status).toBe(200);
    attempts.length = 0;
    expect(await source.withCredentials(connect, isAuthFailure)).toBe(1);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).not.toBe(attempts[1]);
  });
});
