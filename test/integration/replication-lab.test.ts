import {
  CreateDBInstanceCommand,
  CreateDBInstanceReadReplicaCommand,
  DescribeDBInstancesCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplicationNode, ReplicationSnapshot } from '../../src/shared/models/replication';
import { waitForInstanceStatus } from '../../src/lab/seed/wait-for-status';
import { startAppWithLab, type AppWithLab } from '../support/app-with-lab';
import { waitUntil } from '../support/wait-until';

// The monitor opened on an RDS instance of the lab, through the app's channels, against the lab's
// faults: a broken replica turns red with the SQL error, a delayed one amber, a killed one grey
// until the lab brings its process back. One lab, one source and one replica for the whole file.
const REGION = 'us-east-1';
const SRC = 'repl-src';
const REPLICA = 'repl-src-replica';
const PASSWORD = 'Repl-pass-1234';

let app: AppWithLab;
let rds: RDSClient;
let monitorId: string;
let srcPort: number;

async function fault(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${app.endpoint}/_lab/fault`, {
    method: 'POST',
    headers: app.adminHeaders(),
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`fault ${JSON.stringify(body)}: ${res.status} ${await res.text()}`);
}

async function insertOnSource(name: string): Promise<void> {
  const c = await createConnection({ host: '127.0.0.1', port: srcPort, user: 'admin', password: PASSWORD });
  try {
    await c.query('CREATE TABLE IF NOT EXISTS demo.t (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50))');
    await c.query('INSERT INTO demo.t (name) VALUES (?)', [name]);
  } finally {
    await c.end();
  }
}

function replicaOf(snap: ReplicationSnapshot): ReplicationNode | undefined {
  return snap.nodes.find((n) => n.rdsInstanceId === REPLICA);
}

/**
 * Refreshes, as the view does, until the replica is in `health` (and `also` holds); resolves to that
 * node. A timeout names the last state seen.
 */
async function replicaBecomes(
  health: ReplicationNode['health'],
  also: (node: ReplicationNode) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<ReplicationNode> {
  return waitUntil(
    async () => {
      const node = replicaOf(await app.call('replication.refresh', { monitorId }));
      if (node?.health === health && also(node)) return node;
      throw new Error(`${node?.health}: ${node?.healthReason}`);
    },
    { what: `${REPLICA} to be ${health}`, timeoutMs, intervalMs: 200 },
  );
}

beforeAll(async () => {
  app = await startAppWithLab('replication-lab');
  rds = new RDSClient(app.clientConfig(REGION));
  await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: SRC,
      Engine: 'mariadb',
      DBInstanceClass: 'db.t3.micro',
      MasterUsername: 'admin',
      MasterUserPassword: PASSWORD,
      DBName: 'demo',
    }),
  );
  await waitForInstanceStatus(rds, SRC, 'available');
  const { DBInstances = [] } = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: SRC }));
  srcPort = DBInstances[0]?.Endpoint?.Port ?? 0;
  await rds.send(
    new CreateDBInstanceReadReplicaCommand({
      DBInstanceIdentifier: REPLICA,
      SourceDBInstanceIdentifier: SRC,
    }),
  );
  await waitForInstanceStatus(rds, REPLICA, 'available');
  // "Connect" on the instance makes its profile; the password is typed once, as a user would.
  const profile = await app.call('rds.connectionProfile', { profile: '@lab', region: REGION, id: SRC });
  const {
    id,
    createdAt: _c,
    updatedAt: _u,
    hasPassword: _h,
    hasSshPassphrase: _s,
    rdsInstance: _r,
    ...fields
  } = profile;
  await app.call('profiles.save', { id, fields, password: PASSWORD });
  const snap = await app.call('replication.open', {
    profileId: id,
    rds: { profile: '@lab', region: REGION, id: SRC },
    lagThresholdSeconds: 1,
  });
  monitorId = snap.monitorId;
}, 180_000);

afterAll(async () => {
  rds?.destroy();
  await app?.close();
});

describe('replication monitor on the lab', () => {
  it('shows the RDS instances by name, green, with their roles', async () => {
    const snap = await app.call('replication.refresh', { monitorId });
    expect(snap.nodes.map((n) => [n.label, n.rdsInstanceId, n.role, n.health])).toEqual([
      [SRC, SRC, 'primary', 'healthy'],
      [REPLICA, REPLICA, 'replica', 'healthy'],
    ]);
    expect(replicaOf(snap)?.access).toMatchObject({ kind: 'inherited' });
    expect(snap.edges).toHaveLength(1);
    expect(snap.rdsError).toBeUndefined();
  });

  it('turns the replica red with the SQL error when replication breaks, green once repaired', async () => {
    await fault({ kind: 'break-replication', target: REPLICA });
    const broken = await replicaBecomes('broken');
    expect(broken.healthReason).toMatch(/Duplicate entry '\d+' for key 'PRIMARY'/);
    expect(broken.channels[0]).toMatchObject({ sqlThread: 'stopped', lastSqlError: { errno: 1062 } });
    await fault({ kind: 'repair-replication', target: REPLICA });
    const repaired = await replicaBecomes('healthy');
    expect(repaired.channels[0]?.lastSqlError).toBeNull();
  });

  it('turns a delayed replica amber, with the configured delay', async () => {
    await fault({ kind: 'replica-delay', target: REPLICA, seconds: 3 });
    try {
      await insertOnSource('delayed');
      // The fault restarts replication: the IO thread may show `connecting` (amber too) for a moment.
      const delayed = await replicaBecomes('lagging', (n) => /configured delay 3 s/i.test(n.healthReason));
      expect(delayed.channels[0]).toMatchObject({ sqlDelay: 3, ioThread: 'running', sqlThread: 'running' });
    } finally {
      await fault({ kind: 'replica-delay', target: REPLICA, seconds: 0 });
    }
    await replicaBecomes('healthy');
  });

  it('turns a killed replica grey, and green again when the lab brings it back', async () => {
    await fault({ kind: 'kill-instance', target: REPLICA });
    const grey = await replicaBecomes('unreachable');
    expect(grey.healthReason).toMatch(/127\.0\.0\.1/);
    expect(grey.role).toBe('replica');
    await replicaBecomes('healthy', () => true, 30_000);
    await insertOnSource('after-restart');
    expect(await app.call('replication.close', { monitorId })).toEqual({ closed: true });
  });
});
