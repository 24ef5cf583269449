import { CreateDBInstanceCommand, CreateDBInstanceReadReplicaCommand, RDSClient } from '@aws-sdk/client-rds';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab } from '../../src/lab/lab';
import { LAB_CREDENTIALS } from '../../src/lab/lab-status';
import { waitForInstanceStatus } from '../../src/lab/seed/wait-for-status';
import { awsClientConfig } from '../../src/main/aws/client-config';
import { SecretCredentialSource, type DbCredentials } from '../../src/main/aws/secret-credential-source';
import { createMemorySecretStore } from '../../src/main/profiles/secret-store';
import { createServices, type Services } from '../../src/main/services';
import type { AwsProfileList, SecretSummary } from '../../src/shared/models/aws';
import type { RdsInstance, RdsInstanceDetail, RdsRegionResult } from '../../src/shared/models/rds';
import { dispatch } from '../../src/shared/rpc';
import { makeTempDir, type TempDir } from '../support/temp-dir';

const REGION = 'us-east-1';
const PRIMARY = 'awsdemo';
const REPLICA = 'awsdemo-replica';

let dir: TempDir;
let services: Services;
let endpoint: string;
let rds: RDSClient;
let secrets: SecretsManagerClient;

/** Calls a channel as the renderer would, and unwraps the envelope. */
async function call<T>(channel: string, req: unknown): Promise<T> {
  const envelope = await dispatch(services.handlers, channel, req, { transport: 'direct' });
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}

beforeAll(async () => {
  dir = await makeTempDir('aws-lab');
  // The app's own composition root, its lab on a free port, unseeded so this file owns every instance.
  services = createServices({
    mode: 'browser',
    version: 'test',
    dataDir: dir.path,
    secrets: createMemorySecretStore(),
    labPort: 0,
    startLab: (opts) =>
      startLab({ ...opts, seed: 'none', dynamodb: { backend: 'dynalite', inMemory: true } }),
  });
  await call('lab.start', {});
  const { profiles } = await call<AwsProfileList>('aws.profiles', {});
  endpoint = profiles.find((p) => p.name === '@lab')?.endpoint ?? '';
  const config = awsClientConfig({ kind: 'lab', endpoint, region: REGION, credentials: LAB_CREDENTIALS });
  rds = new RDSClient(config);
  secrets = new SecretsManagerClient(config);
}, 180_000);

afterAll(async () => {
  rds?.destroy();
  secrets?.destroy();
  await services?.dispose();
  await dir?.remove();
}, 120_000);

describe('the app’s AWS channels against the lab over the wire', () => {
  it('lists the running lab as the first profile and answers GetCallerIdentity through its STS', async () => {
    const list = await call<AwsProfileList>('aws.profiles', {});
    expect(list.profiles[0]).toMatchObject({ name: '@lab', kind: 'lab', running: true, region: REGION });
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await call('aws.identity', { profile: '@lab' })).toEqual({
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

    const { regions } = await call<{ regions: RdsRegionResult[] }>('rds.listInstances', {
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
    const detail = await call<RdsInstanceDetail>('rds.describeInstance', {
      profile: '@lab',
      region: REGION,
      id: PRIMARY,
    });
    expect(detail.instance.id).toBe(PRIMARY);
    expect(detail.events.length).toBeGreaterThan(0);
    expect(detail.eventsError).toBeUndefined();
    expect(detail.snapshotsError).toBeUndefined();
    const missing = await dispatch(
      services.handlers,
      'rds.describeInstance',
      { profile: '@lab', region: REGION, id: 'nope' },
      {
        transport: 'direct',
      },
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists the RDS-managed secret with its owning instance, never its value', async () => {
    const { secrets: list } = await call<{ secrets: SecretSummary[] }>('secrets.list', {
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
    const { regions } = await call<{ regions: RdsRegionResult[] }>('rds.listInstances', {
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
    const rotated = await fetch(`${endpoint}/_lab/fault`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'rotate-secret', target: primary.masterUserSecret?.arn }),
    });
    expect(rotated.status).toBe(200);
    attempts.length = 0;
    expect(await source.withCredentials(connect, isAuthFailure)).toBe(1);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).not.toBe(attempts[1]);
  });
});
