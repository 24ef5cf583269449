import {
  CreateDBInstanceCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
  type DBInstance,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForInstanceStatus } from '../../src/lab/seed/wait-for-status';
import { startAppWithLab, type AppWithLab } from '../support/app-with-lab';

// Every RDS action through the app's channels against the lab over the wire, each effect checked
// with DescribeDBInstances as a user's next refresh would see it. One lab, two instances.
const REGION = 'us-east-1';
const PRIMARY = 'acts';
const REPLICA = 'acts-replica';
const at = { profile: '@lab', region: REGION } as const;

let app: AppWithLab;
let rds: RDSClient;

async function describe1(id: string): Promise<DBInstance | undefined> {
  try {
    const out = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
    return out.DBInstances?.[0];
  } catch (err) {
    if ((err as Error).name === 'DBInstanceNotFoundFault') return undefined;
    throw err;
  }
}

/** Polls until `check` holds, as a user watching the list would (no fixed sleeps). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function snapshotStatus(snapshotId: string): Promise<string | undefined> {
  const out = await rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: snapshotId }));
  return out.DBSnapshots?.[0]?.Status;
}

beforeAll(async () => {
  app = await startAppWithLab('rds-acts');
  rds = new RDSClient(app.clientConfig(REGION));
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: PRIMARY,
      Engine: 'mariadb',
      DBInstanceClass: 'db.t3.micro',
      MasterUsername: 'admin',
      MasterUserPassword: 'initial-pass-1',
    }),
  );
  await waitForInstanceStatus(rds, PRIMARY, 'available');
}, 180_000);

afterAll(async () => {
  rds?.destroy();
  await app?.close();
}, 120_000);

describe('RDS actions over the wire', () => {
  it('refuses malformed identifiers and an unnamed final snapshot before calling AWS', async () => {
    for (const id of ['1abc', 'two--hyphens', 'ends-', 'x'.repeat(64), 'under_score']) {
      expect(await app.failure('rds.reboot', { ...at, id })).toMatchObject({ code: 'INVALID_REQUEST' });
    }
    const unnamed = await app.failure('rds.delete', { ...at, id: PRIMARY, skipFinalSnapshot: false });
    expect(unnamed).toMatchObject({
      code: 'INVALID_REQUEST',
      details: { issues: [{ path: 'finalSnapshotId' }] },
    });
    expect((await describe1(PRIMARY))?.DBInstanceStatus).toBe('available');
  });

  it('answers an unknown instance with NOT_FOUND and AWS’s own code and message', async () => {
    const error = await app.failure('rds.reboot', { ...at, id: 'nope' });
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'DBInstance nope not found.',
      details: { awsCode: 'DBInstanceNotFound', httpStatus: 404 },
    });
  });

  it('creates a read replica that reaches available and replicates from its source', async () => {
    const created = await app.call('rds.createReadReplica', {
      ...at,
      sourceId: PRIMARY,
      id: REPLICA,
      instanceClass: 'db.t3.small',
    });
    expect(created).toMatchObject({ id: REPLICA, status: 'creating', role: 'replica', sourceId: PRIMARY });
    await waitForInstanceStatus(rds, REPLICA, 'available');
    const replica = await describe1(REPLICA);
    expect(replica).toMatchObject({
      DBInstanceClass: 'db.t3.small',
      ReadReplicaSourceDBInstanceIdentifier: PRIMARY,
    });
    expect((await describe1(PRIMARY))?.ReadReplicaDBInstanceIdentifiers).toEqual([REPLICA]);
  });

  it('reports a wrong state as AWS_ERROR with InvalidDBInstanceState and AWS’s message', async () => {
    const stop = await app.failure('rds.stop', { ...at, id: PRIMARY });
    expect(stop).toMatchObject({
      code: 'AWS_ERROR',
      message: `Instance ${PRIMARY} has read replicas and cannot be stopped.`,
      details: { awsCode: 'InvalidDBInstanceState' },
    });
    const start = await app.failure('rds.start', { ...at, id: PRIMARY });
    expect(start).toMatchObject({ code: 'AWS_ERROR', details: { awsCode: 'InvalidDBInstanceState' } });
    const failover = await app.failure('rds.reboot', { ...at, id: PRIMARY, forceFailover: true });
    expect(failover).toMatchObject({
      code: 'AWS_ERROR',
      details: { awsCode: 'InvalidParameterCombination' },
    });
  });

  it('reboots: rebooting at once, then available', async () => {
    const rebooting = await app.call('rds.reboot', { ...at, id: PRIMARY });
    expect(rebooting).toMatchObject({ id: PRIMARY, status: 'rebooting' });
    await waitForInstanceStatus(rds, PRIMARY, 'available');
  });

  it('takes a snapshot that becomes available', async () => {
    const snapshot = await app.call('rds.createSnapshot', { ...at, id: PRIMARY, snapshotId: 'acts-manual' });
    expect(snapshot).toMatchObject({ id: 'acts-manual', instanceId: PRIMARY, status: 'creating' });
    await until('the snapshot', async () => (await snapshotStatus('acts-manual')) === 'available');
    await waitForInstanceStatus(rds, PRIMARY, 'available');
  });

  it('promotes the replica to a standalone instance', async () => {
    const promoting = await app.call('rds.promoteReadReplica', { ...at, id: REPLICA });
    expect(promoting).toMatchObject({ id: REPLICA, status: 'modifying' });
    await waitForInstanceStatus(rds, REPLICA, 'available');
    expect((await describe1(REPLICA))?.ReadReplicaSourceDBInstanceIdentifier).toBeUndefined();
    expect((await describe1(PRIMARY))?.ReadReplicaDBInstanceIdentifiers ?? []).toEqual([]);
  });

  it('stops with a snapshot first, then starts again', async () => {
    const stopping = await app.call('rds.stop', { ...at, id: PRIMARY, snapshotId: 'acts-before-stop' });
    expect(stopping).toMatchObject({ id: PRIMARY, status: 'stopping' });
    await waitForInstanceStatus(rds, PRIMARY, 'stopped');
    expect(await snapshotStatus('acts-before-stop')).toBe('available');
    const starting = await app.call('rds.start', { ...at, id: PRIMARY });
    expect(starting).toMatchObject({ id: PRIMARY, status: 'starting' });
    await waitForInstanceStatus(rds, PRIMARY, 'available');
  });

  it('deletes with and without a final snapshot', async () => {
    const [withSnapshot, without] = await Promise.all([
      app.call('rds.delete', { ...at, id: PRIMARY, skipFinalSnapshot: false, finalSnapshotId: 'acts-final' }),
      app.call('rds.delete', { ...at, id: REPLICA, skipFinalSnapshot: true }),
    ]);
    expect(withSnapshot).toMatchObject({ id: PRIMARY, status: 'deleting' });
    expect(without).toMatchObject({ id: REPLICA, status: 'deleting' });
    await until('both instances to be gone', async () => {
      const [a, b] = await Promise.all([describe1(PRIMARY), describe1(REPLICA)]);
      return a === undefined && b === undefined;
    });
    expect(await snapshotStatus('acts-final')).toBe('available');
    const gone = await app.failure('rds.start', { ...at, id: PRIMARY });
    expect(gone).toMatchObject({ code: 'NOT_FOUND', details: { awsCode: 'DBInstanceNotFound' } });
  });
});
