import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CreateDBInstanceCommand,
  CreateDBInstanceReadReplicaCommand,
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  DeleteDBSnapshotCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  DescribeEventsCommand,
  ModifyDBInstanceCommand,
  PromoteReadReplicaCommand,
  RDSClient,
  RebootDBInstanceCommand,
  RestoreDBInstanceFromDBSnapshotCommand,
  StartDBInstanceCommand,
  StopDBInstanceCommand,
  type DBInstance,
} from '@aws-sdk/client-rds';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMariaDbBinaries } from '../../src/lab/engine/mariadb-binaries';
import { mariaDbLayout } from '../../src/lab/engine/mariadb-layout';
import { startMariaDb } from '../../src/lab/engine/mariadb-process';
import { isProcessAlive } from '../../src/lab/engine/process-alive';
import type { ServiceHandler } from '../../src/lab/edge/types';
import type { RdsStateFile } from '../../src/lab/rds/model';
import { createRdsService, type RdsService } from '../../src/lab/rds/rds-service';
import type { ManagedSecrets } from '../../src/lab/secrets/managed-secrets';
import { testCacheDir } from '../support/cache-dir';
import { makeTempDir, type TempDir } from '../support/temp-dir';
import { waitUntil } from '../support/wait-until';

const REGION = 'us-east-1';
const MASTER = 'admin';
const PASSWORD = 'Lab-pass-1234';

/** The real edge verifies SigV4 and routes by the credential scope; this stand-in only reads the scope. */
async function startEdge(handler: () => ServiceHandler): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(
        req.headers.authorization ?? '',
      );
      if (!scope) {
        res.writeHead(403).end('unsigned');
        return;
      }
      const [, accessKeyId = '', region = '', service = ''] = scope;
      void handler()({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks),
        service,
        region,
        accessKeyId,
      }).then((response) => res.writeHead(response.status, response.headers).end(response.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Secrets Manager's part for ManageMasterUserPassword, in memory (the real one is tested on its own). */
class MemorySecrets implements ManagedSecrets {
  readonly passwords = new Map<string, string>();
  async createRdsMasterSecret(input: { instanceId: string; password: string }): Promise<{ arn: string }> {
    const arn = `arn:aws:secretsmanager:${REGION}:000000000000:secret:rds!db-${randomUUID()}`;
    this.passwords.set(arn, input.password);
    return { arn };
  }
  async currentPassword(arn: string): Promise<string> {
    const password = this.passwords.get(arn);
    if (password === undefined) throw new Error(`no secret ${arn}`);
    return password;
  }
  async deleteSecret(arn: string): Promise<void> {
    this.passwords.delete(arn);
  }
}

const secrets = new MemorySecrets();
let dir: TempDir;
let service: RdsService;
let edge: Awaited<ReturnType<typeof startEdge>>;
let rds: RDSClient;
const timings: Record<string, number> = {};

async function startService(): Promise<RdsService> {
  return createRdsService({
    dataDir: dir.path,
    region: REGION,
    secrets,
    templateDir: testCacheDir('mariadb-template'),
  });
}

beforeAll(async () => {
  dir = await makeTempDir('lab-rds');
  service = await startService();
  edge = await startEdge(() => service.handler);
  rds = new RDSClient({
    endpoint: edge.url,
    region: REGION,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  rds?.destroy();
  await service?.shutdown();
  await edge?.close();
  await dir?.remove();
  console.log(`[lab-rds] timings ms ${JSON.stringify(timings)}`);
});

async function describeOne(id: string): Promise<DBInstance> {
  const { DBInstances = [] } = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
  const [instance] = DBInstances;
  if (!instance) throw new Error(`no ${id} in the answer`);
  return instance;
}

/** Polls DescribeDBInstances until `id` has `status`, recording every status seen on the way. */
async function waitForStatus(
  id: string,
  status: string,
  seen: string[] = [],
  timeoutMs = 90_000,
): Promise<DBInstance> {
  return waitUntil(
    async () => {
      const instance = await describeOne(id);
      const current = instance.DBInstanceStatus ?? '?';
      if (seen.at(-1) !== current) seen.push(current);
      if (current === 'failed' || current === 'incompatible-restore') throw new Error(`${id} is ${current}`);
      return current === status ? instance : undefined;
    },
    { what: `${id} to be ${status}`, timeoutMs, intervalMs: 100 },
  );
}

async function errorOf(
  promise: Promise<unknown>,
): Promise<{ name: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const failure = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: failure.name, status: failure.$metadata?.httpStatusCode, message: failure.message };
  }
  throw new Error('expected the request to fail');
}

function connect(port: number | undefined, password = PASSWORD, user = MASTER): Promise<Connection> {
  return createConnection({ host: '127.0.0.1', port, user, password, connectTimeout: 5000 });
}

async function withDb<T>(
  port: number | undefined,
  use: (c: Connection) => Promise<T>,
  password = PASSWORD,
): Promise<T> {
  const connection = await connect(port, password);
  try {
    return await use(connection);
  } finally {
    await connection.end().catch(() => connection.destroy());
  }
}

async function names(port: number | undefined): Promise<string[]> {
  return withDb(port, async (c) => {
    const [rows] = await c.query<RowDataPacket[]>('SELECT name FROM demo.users ORDER BY id');
    return rows.map((row) => String(row.name));
  });
}

/** Waits until a row written on a source shows on a replica (replication is asynchronous). */
async function waitForName(port: number | undefined, name: string, timeoutMs = 20_000): Promise<void> {
  await waitUntil(async () => ((await names(port)).includes(name) ? true : undefined), {
    what: `${name} to arrive on port ${port}`,
    timeoutMs,
    intervalMs: 100,
  });
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  timings[label] = Math.round(performance.now() - started);
  return result;
}

const SRC = 'lab-src';
const REPLICA = 'lab-src-replica';
let srcPort: number | undefined;
let replicaPort: number | undefined;

describe('bad requests get RDS errors and SDK exception classes', () => {
  it('answers an unknown instance with DBInstanceNotFound (404)', async () => {
    expect(
      await errorOf(rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'nope' }))),
    ).toMatchObject({
      name: 'DBInstanceNotFoundFault',
      status: 404,
      message: 'DBInstance nope not found.',
    });
    const reboot = rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: 'nope' }));
    expect(await errorOf(reboot)).toMatchObject({ name: 'DBInstanceNotFoundFault' });
    const snapshot = rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'nope' }));
    expect(await errorOf(snapshot)).toMatchObject({ name: 'DBSnapshotNotFoundFault', status: 404 });
  });

  it('refuses malformed and missing parameters', async () => {
    const base = {
      DBInstanceIdentifier: 'ok-name',
      DBInstanceClass: 'db.t3.micro',
      Engine: 'mariadb',
      MasterUsername: MASTER,
      MasterUserPassword: PASSWORD,
    };
    const cases: [Partial<typeof base> & { ManageMasterUserPassword?: boolean }, string, RegExp][] = [
      [{ DBInstanceIdentifier: 'bad--id' }, 'InvalidParameterValue', /not a valid identifier/],
      [{ DBInstanceIdentifier: undefined }, 'MissingParameter', /DBInstanceIdentifier/],
      [{ Engine: 'postgres' }, 'InvalidParameterValue', /Invalid DB engine/],
      [{ MasterUserPassword: 'short' }, 'InvalidParameterValue', /MasterUserPassword/],
      [{ MasterUserPassword: undefined }, 'InvalidParameterValue', /MasterUserPassword must be provided/],
      [{ ManageMasterUserPassword: true }, 'InvalidParameterCombination', /MasterUserPassword/],
    ];
    for (const [change, name, message] of cases) {
      const input = { ...base, ...change } as typeof base;
      const failure = await errorOf(rds.send(new CreateDBInstanceCommand(input)));
      expect(failure, JSON.stringify(change)).toMatchObject({ name, status: 400 });
      expect(failure.message).toMatch(message);
    }
    const paging = rds.send(new DescribeDBInstancesCommand({ MaxRecords: 5 }));
    expect(await errorOf(paging)).toMatchObject({
      name: 'InvalidParameterValue',
      message: expect.stringMatching(/between 20 and 100/),
    });
    const filter = rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: 'colour', Values: ['red'] }] }),
    );
    expect(await errorOf(filter)).toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('answers unknown actions and bodies without an action in RDS XML', async () => {
    const auth = `AWS4-HMAC-SHA256 Credential=test/20250101/${REGION}/rds/aws4_request, SignedHeaders=host, Signature=x`;
    const post = (body: string): Promise<Response> =>
      fetch(edge.url, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const unknown = await post('Action=LaunchRocket&Version=2014-10-31');
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toBe('text/xml');
    expect(await unknown.text()).toMatch(
      /^<ErrorResponse xmlns="http:\/\/rds.amazonaws.com\/doc\/2014-10-31\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code>/,
    );
    const garbage = await post('%%%<xml>&&&');
    expect(garbage.status).toBe(400);
    expect(await garbage.text()).toContain('<Code>MissingAction</Code>');
  });
});

describe('instance lifecycle', () => {
  it('creates an instance that goes from creating to available with a real endpoint', async () => {
    const created = await timed('createInstance', async () => {
      const { DBInstance } = await rds.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: SRC,
          DBInstanceClass: 'db.t3.micro',
          Engine: 'mariadb',
          MasterUsername: MASTER,
          MasterUserPassword: PASSWORD,
          DBName: 'demo',
          AllocatedStorage: 20,
          Tags: [{ Key: 'course', Value: 'lab' }],
        }),
      );
      const seen = [DBInstance?.DBInstanceStatus ?? '?'];
      const available = await waitForStatus(SRC, 'available', seen);
      return { available, seen };
    });
    expect(created.seen[0]).toBe('creating');
    expect(created.seen.at(-1)).toBe('available');
    const instance = created.available;
    expect(instance).toMatchObject({
      DBInstanceIdentifier: SRC,
      Engine: 'mariadb',
      DBInstanceClass: 'db.t3.micro',
      MasterUsername: MASTER,
      DBName: 'demo',
      AllocatedStorage: 20,
      MultiAZ: false,
      AvailabilityZone: `${REGION}a`,
      DBInstanceArn: `arn:aws:rds:${REGION}:000000000000:db:${SRC}`,
      Endpoint: { Address: '127.0.0.1' },
      TagList: [{ Key: 'course', Value: 'lab' }],
      BackupRetentionPeriod: 1,
    });
    expect(instance.EngineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(instance.DbiResourceId).toMatch(/^db-[A-Z2-7]{26}$/);
    expect(instance.InstanceCreateTime).toBeInstanceOf(Date);
    srcPort = instance.Endpoint?.Port;
    await withDb(srcPort, async (c) => {
      await c.query('CREATE TABLE demo.users (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100))');
      await c.query("INSERT INTO demo.users (name) VALUES ('Monowar'), ('CloudUser')");
    });
    expect(await names(srcPort)).toEqual(['Monowar', 'CloudUser']);
  });

  it('refuses a duplicate identifier and a wrong state', async () => {
    const duplicate = rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: SRC.toUpperCase(),
        DBInstanceClass: 'db.t3.micro',
        Engine: 'mysql',
        MasterUsername: MASTER,
        MasterUserPassword: PASSWORD,
      }),
    );
    expect(await errorOf(duplicate)).toMatchObject({ name: 'DBInstanceAlreadyExistsFault', status: 400 });
    const start = rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: SRC }));
    expect(await errorOf(start)).toMatchObject({ name: 'InvalidDBInstanceStateFault', status: 400 });
    const promote = rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: SRC }));
    expect(await errorOf(promote)).toMatchObject({ name: 'InvalidDBInstanceStateFault' });
    const failover = rds.send(
      new RebootDBInstanceCommand({ DBInstanceIdentifier: SRC, ForceFailover: true }),
    );
    expect(await errorOf(failover)).toMatchObject({ name: 'InvalidParameterCombination' });
    const noFinal = rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: SRC }));
    expect(await errorOf(noFinal)).toMatchObject({ name: 'InvalidParameterCombination' });
  });

  it('filters, pages and records events', async () => {
    const byEngine = await rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: 'engine', Values: ['mariadb'] }], MaxRecords: 20 }),
    );
    expect(byEngine.DBInstances?.map((i) => i.DBInstanceIdentifier)).toContain(SRC);
    expect(byEngine.Marker).toBeUndefined();
    const byCluster = await rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: 'db-cluster-id', Values: ['any'] }] }),
    );
    expect(byCluster.DBInstances).toEqual([]);
    const { Events = [] } = await rds.send(
      new DescribeEventsCommand({ SourceIdentifier: SRC, SourceType: 'db-instance' }),
    );
    expect(Events.map((event) => event.Message)).toContain('DB instance created');
    expect(Events[0]?.Date).toBeInstanceOf(Date);
  });
});

describe('read replicas', () => {
  it('copies the source with its data and keeps replicating', async () => {
    const available = await timed('createReplica', async () => {
      const { DBInstance } = await rds.send(
        new CreateDBInstanceReadReplicaCommand({
          DBInstanceIdentifier: REPLICA,
          SourceDBInstanceIdentifier: SRC,
        }),
      );
      expect(DBInstance?.DBInstanceStatus).toBe('creating');
      return waitForStatus(REPLICA, 'available');
    });
    replicaPort = available.Endpoint?.Port;
    expect(available).toMatchObject({
      ReadReplicaSourceDBInstanceIdentifier: SRC,
      StatusInfos: [{ StatusType: 'read replication', Status: 'replicating', Normal: true }],
    });
    expect((await describeOne(SRC)).ReadReplicaDBInstanceIdentifiers).toEqual([REPLICA]);
    expect(await names(replicaPort)).toEqual(['Monowar', 'CloudUser']);
    await withDb(srcPort, (c) => c.query("INSERT INTO demo.users (name) VALUES ('AfterReplica')"));
    await waitForName(replicaPort, 'AfterReplica');
    await withDb(replicaPort, async (c) => {
      await expect(c.query("INSERT INTO demo.users (name) VALUES ('nope')")).rejects.toMatchObject({
        code: 'ER_OPTION_PREVENTS_STATEMENT',
      });
    });
    const stop = rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: SRC }));
    expect(await errorOf(stop)).toMatchObject({ name: 'InvalidDBInstanceStateFault' });
  });
});

describe('Multi-AZ', () => {
  it('adds a hidden standby with ModifyDBInstance', async () => {
    const { DBInstance } = await rds.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: SRC, MultiAZ: true, ApplyImmediately: true }),
    );
    expect(DBInstance?.DBInstanceStatus).toBe('modifying');
    const instance = await timed('addStandby', () => waitForStatus(SRC, 'available'));
    expect(instance).toMatchObject({
      MultiAZ: true,
      AvailabilityZone: `${REGION}a`,
      SecondaryAvailabilityZone: `${REGION}b`,
      Endpoint: { Port: srcPort },
    });
    const all = await rds.send(new DescribeDBInstancesCommand({}));
    expect(all.DBInstances?.map((i) => i.DBInstanceIdentifier).sort()).toEqual([SRC, REPLICA]);
    const summary = (await service.instances()).find((i) => i.id === SRC);
    expect(summary?.processes.map((p) => p.role)).toEqual(['primary', 'standby']);
  });

  it('fails over behind the same endpoint while a client reconnects', async () => {
    const before = await service.instances();
    const oldPrimaryPid = before.find((i) => i.id === SRC)?.processes[0]?.pid;
    const held = await connect(srcPort);
    const serverIdBefore = await serverId(held);
    const started = performance.now();
    const { DBInstance } = await rds.send(
      new RebootDBInstanceCommand({ DBInstanceIdentifier: SRC, ForceFailover: true }),
    );
    expect(DBInstance?.DBInstanceStatus).toBe('rebooting');
    // The client keeps trying as an application would: the held connection drops, new ones reach the new primary.
    await expect(
      waitUntil(
        async () =>
          await held.query('SELECT 1').then(
            () => undefined,
            () => true,
          ),
        { what: 'the held connection to drop', timeoutMs: 20_000 },
      ),
    ).resolves.toBe(true);
    held.destroy();
    const newServerId = await waitUntil(
      () =>
        withDb(srcPort, async (c) => {
          await c.query("INSERT INTO demo.users (name) VALUES ('AfterFailover')");
          return serverId(c);
        }),
      { what: 'a write through the endpoint after failover', timeoutMs: 30_000, intervalMs: 100 },
    );
    timings.failoverWritable = Math.round(performance.now() - started);
    expect(newServerId).not.toBe(serverIdBefore);
    const after = await waitForStatus(SRC, 'available');
    timings.failoverComplete = Math.round(performance.now() - started);
    expect(after).toMatchObject({
      AvailabilityZone: `${REGION}b`,
      SecondaryAvailabilityZone: `${REGION}a`,
      MultiAZ: true,
    });
    const summary = (await service.instances()).find((i) => i.id === SRC);
    expect(summary?.processes[0]?.pid).not.toBe(oldPrimaryPid);
    expect(summary?.processes.map((p) => p.role)).toEqual(['primary', 'standby']);
    expect(await names(srcPort)).toEqual(['Monowar', 'CloudUser', 'AfterReplica', 'AfterFailover']);
    // The read replica follows the endpoint, as it follows RDS's DNS name.
    await waitForName(replicaPort, 'AfterFailover');
    const { Events = [] } = await rds.send(
      new DescribeEventsCommand({ SourceIdentifier: SRC, SourceType: 'db-instance' }),
    );
    expect(Events.map((e) => e.Message)).toContain('Multi-AZ instance failover completed.');
  });

  it('fails over when the primary was killed, and builds a new standby', async () => {
    const before = (await service.instances()).find((i) => i.id === SRC);
    await service.faults.killProcess(SRC);
    await expect(withDb(srcPort, (c) => c.query('SELECT 1'))).rejects.toBeTruthy();
    const { DBInstance } = await rds.send(
      new RebootDBInstanceCommand({ DBInstanceIdentifier: SRC, ForceFailover: true }),
    );
    expect(DBInstance?.DBInstanceStatus).toBe('rebooting');
    await timed('failoverAfterKill', () => waitForStatus(SRC, 'available'));
    const after = (await service.instances()).find((i) => i.id === SRC);
    expect(after?.processes[0]?.node).toBe(before?.processes[1]?.node);
    expect(after?.processes[1]?.node).not.toBe(before?.processes[0]?.node);
    expect(after?.processes.every((p) => p.pid !== undefined)).toBe(true);
    await withDb(srcPort, (c) => c.query("INSERT INTO demo.users (name) VALUES ('AfterKill')"));
    await waitForName(replicaPort, 'AfterKill');
  });
});

async function serverId(connection: Connection): Promise<number> {
  const [rows] = await connection.query<RowDataPacket[]>('SELECT @@server_id AS id');
  return Number(rows[0]?.id);
}

describe('faults on a read replica', () => {
  it('delays replication with MASTER_DELAY', async () => {
    await service.faults.setReplicaDelay(REPLICA, 2);
    const [status] = await withDb(
      replicaPort,
      async (c) => (await c.query<RowDataPacket[]>('SHOW SLAVE STATUS'))[0],
    );
    expect(status?.SQL_Delay).toBe(2);
    const written = performance.now();
    await withDb(srcPort, (c) => c.query("INSERT INTO demo.users (name) VALUES ('Delayed')"));
    await waitForName(replicaPort, 'Delayed');
    // MASTER_DELAY counts from the event's timestamp, which has whole seconds: at least delay - 1 s.
    expect(performance.now() - written).toBeGreaterThanOrEqual(950);
    await service.faults.setReplicaDelay(REPLICA, 0);
  });

  it('breaks replication with a conflicting row, seen in StatusInfos', async () => {
    await service.faults.breakReplication(REPLICA);
    const instance = await describeOne(REPLICA);
    expect(instance.DBInstanceStatus).toBe('available');
    expect(instance.StatusInfos).toEqual([
      {
        StatusType: 'read replication',
        Status: 'error',
        Normal: false,
        Message: expect.stringContaining('Duplicate entry'),
      },
    ]);
  });
});

describe('promotion', () => {
  it('makes the replica a writable standalone instance', async () => {
    const { DBInstance } = await rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: REPLICA }));
    expect(DBInstance?.DBInstanceStatus).toBe('modifying');
    const promoted = await waitForStatus(REPLICA, 'available');
    expect(promoted.ReadReplicaSourceDBInstanceIdentifier).toBeUndefined();
    expect(promoted.StatusInfos).toBeUndefined();
    expect((await describeOne(SRC)).ReadReplicaDBInstanceIdentifiers).toEqual([]);
    await withDb(replicaPort, async (c) => {
      await c.query("INSERT INTO demo.users (name) VALUES ('OnPromoted')");
      const [rows] = await c.query<RowDataPacket[]>('SHOW SLAVE STATUS');
      expect(rows).toEqual([]);
    });
    await withDb(srcPort, (c) => c.query("INSERT INTO demo.users (name) VALUES ('NotOnPromoted')"));
    expect(await names(replicaPort)).not.toContain('NotOnPromoted');
  });
});

describe('snapshots', () => {
  it('restores a snapshot into a new instance with the data', async () => {
    const { DBSnapshot } = await rds.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: SRC, DBSnapshotIdentifier: 'lab-snap' }),
    );
    expect(DBSnapshot).toMatchObject({
      Status: 'creating',
      DBInstanceIdentifier: SRC,
      SnapshotType: 'manual',
    });
    await waitUntil(
      async () => {
        const { DBSnapshots = [] } = await rds.send(
          new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'lab-snap' }),
        );
        return DBSnapshots[0]?.Status === 'available' ? true : undefined;
      },
      { what: 'the snapshot', timeoutMs: 30_000 },
    );
    const again = rds.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: SRC, DBSnapshotIdentifier: 'lab-snap' }),
    );
    expect(await errorOf(again)).toMatchObject({ name: 'DBSnapshotAlreadyExistsFault' });
    await waitForStatus(SRC, 'available');
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'lab-restored',
        DBSnapshotIdentifier: 'lab-snap',
      }),
    );
    const restored = await timed('restore', () => waitForStatus('lab-restored', 'available'));
    expect(await names(restored.Endpoint?.Port)).toEqual(await names(srcPort));
    const { DBInstance } = await rds.send(
      new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'lab-restored', SkipFinalSnapshot: true }),
    );
    expect(DBInstance?.DBInstanceStatus).toBe('deleting');
    await waitUntil(
      async () =>
        (await errorOf(describeOne('lab-restored'))).name === 'DBInstanceNotFoundFault' ? true : undefined,
      { what: 'lab-restored to be deleted', timeoutMs: 30_000 },
    ).catch(async (error: unknown) => {
      throw error;
    });
    const deleted = await rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: 'lab-snap' }));
    expect(deleted.DBSnapshot?.Status).toBe('deleted');
  });
});

describe('master password', () => {
  it('changes the real password with ModifyDBInstance', async () => {
    const next = 'Next-pass-5678';
    const { DBInstance } = await rds.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: SRC,
        MasterUserPassword: next,
        ApplyImmediately: true,
      }),
    );
    expect(DBInstance?.DBInstanceStatus).toBe('resetting-master-credentials');
    await waitForStatus(SRC, 'available');
    await withDb(srcPort, (c) => c.query('SELECT 1'), next);
    await expect(connect(srcPort, PASSWORD)).rejects.toMatchObject({ code: 'ER_ACCESS_DENIED_ERROR' });
    await rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: SRC, MasterUserPassword: PASSWORD }));
    await waitForStatus(SRC, 'available');
  });
});

describe('managed master password, stop and start, process faults', () => {
  const ID = 'lab-managed';
  let port: number | undefined;
  let secretArn = '';

  it('keeps the master password in Secrets Manager and follows rotation', async () => {
    const { DBInstance } = await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: ID,
        DBInstanceClass: 'db.t3.micro',
        Engine: 'mysql',
        MasterUsername: MASTER,
        ManageMasterUserPassword: true,
        DBName: 'demo',
      }),
    );
    secretArn = DBInstance?.MasterUserSecret?.SecretArn ?? '';
    expect(DBInstance?.MasterUserSecret).toMatchObject({ SecretStatus: 'active' });
    port = (await waitForStatus(ID, 'available')).Endpoint?.Port;
    const password = await secrets.currentPassword(secretArn);
    await withDb(
      port,
      (c) => c.query('CREATE TABLE demo.users (id INT PRIMARY KEY, name VARCHAR(20))'),
      password,
    );
    await service.setMasterPassword(ID, 'Rotated-pass-9');
    await withDb(port, (c) => c.query("INSERT INTO demo.users VALUES (1, 'Kept')"), 'Rotated-pass-9');
    await expect(connect(port, password)).rejects.toMatchObject({ code: 'ER_ACCESS_DENIED_ERROR' });
  });

  it('stops and starts on the same endpoint with the data', async () => {
    const stopping = await rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: ID }));
    expect(stopping.DBInstance?.DBInstanceStatus).toBe('stopping');
    await waitForStatus(ID, 'stopped');
    await expect(connect(port, 'Rotated-pass-9')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const starting = await rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: ID }));
    expect(starting.DBInstance?.DBInstanceStatus).toBe('starting');
    const started = await waitForStatus(ID, 'available');
    expect(started.Endpoint?.Port).toBe(port);
    const rows = await withDb(
      port,
      async (c) => (await c.query<RowDataPacket[]>('SELECT name FROM demo.users'))[0],
      'Rotated-pass-9',
    );
    expect(rows).toEqual([{ name: 'Kept' }]);
  });

  it('shows a killed process from outside and recovers with a reboot', async () => {
    await service.faults.killProcess(ID);
    await expect(connect(port, 'Rotated-pass-9')).rejects.toBeTruthy();
    const { Events = [] } = await rds.send(
      new DescribeEventsCommand({ SourceIdentifier: ID, SourceType: 'db-instance' }),
    );
    expect(Events.at(-1)?.Message).toMatch(/stopped unexpectedly: killed by SIGKILL/);
    await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: ID }));
    await waitForStatus(ID, 'available');
    await withDb(port, (c) => c.query('SELECT 1'), 'Rotated-pass-9');
    await service.faults.stopProcess(ID);
    await expect(connect(port, 'Rotated-pass-9')).rejects.toBeTruthy();
  });

  it('deletes with a final snapshot and removes the managed secret', async () => {
    await rds.send(
      new DeleteDBInstanceCommand({
        DBInstanceIdentifier: ID,
        FinalDBSnapshotIdentifier: 'lab-managed-final',
      }),
    );
    await waitUntil(
      async () => ((await errorOf(describeOne(ID))).name === 'DBInstanceNotFoundFault' ? true : undefined),
      { what: `${ID} to be deleted`, timeoutMs: 30_000 },
    );
    const { DBSnapshots = [] } = await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: ID }));
    expect(DBSnapshots.map((s) => [s.DBSnapshotIdentifier, s.Status])).toEqual([
      ['lab-managed-final', 'available'],
    ]);
    expect(secrets.passwords.has(secretArn)).toBe(false);
  });
});

describe('lab restart', () => {
  const R2 = 'lab-src-r2';

  it(
    'brings instances back after a clean stop and after a crash left a server running',
    { timeout: 180_000 },
    async () => {
      await rds.send(
        new CreateDBInstanceReadReplicaCommand({ DBInstanceIdentifier: R2, SourceDBInstanceIdentifier: SRC }),
      );
      const r2Port = (await waitForStatus(R2, 'available')).Endpoint?.Port;
      const pids = (await service.instances()).flatMap((i) => i.processes.map((p) => p.pid ?? 0));
      await service.shutdown();
      expect(pids.filter(isProcessAlive)).toEqual([]);

      // What a crash leaves: the lock of a dead lab and the source's primary still running on its data dir.
      const rdsDir = join(dir.path, 'rds');
      const state = JSON.parse(await readFile(join(rdsDir, 'state.json'), 'utf8')) as RdsStateFile;
      const node = state.instances.find((i) => i.id === SRC)?.primary;
      if (!node) throw new Error('no primary node on record');
      const leftover = await startMariaDb({
        bin: findMariaDbBinaries(),
        layout: mariaDbLayout(join(rdsDir, 'instances', SRC, node.name)),
        port: node.port,
        serverId: node.serverId,
        login: { user: 'rdsadmin', password: state.adminPassword },
      });
      await writeFile(join(rdsDir, 'lab.lock'), JSON.stringify({ pid: 2 ** 22 + 1 }));
      // And a data dir damaged beyond what crash recovery repairs: reported, never fatal to the lab.
      const promotedNode = state.instances.find((i) => i.id === REPLICA)?.primary.name ?? '';
      await rm(join(rdsDir, 'instances', REPLICA, promotedNode, 'data', 'mysql'), { recursive: true });

      service = await timed('restartService', () => startService());
      expect(isProcessAlive(leftover.pid)).toBe(false);
      expect(service.status().warnings.join('\n')).toMatch(/left by an earlier run .* ended with SIGTERM/);
      const back = await describeOne(SRC);
      expect(back).toMatchObject({
        DBInstanceStatus: 'available',
        MultiAZ: true,
        Endpoint: { Port: srcPort },
      });
      expect(
        (await service.instances()).find((i) => i.id === SRC)?.processes.every((p) => p.pid !== undefined),
      ).toBe(true);
      await withDb(srcPort, (c) => c.query("INSERT INTO demo.users (name) VALUES ('AfterRestart')"));
      await waitForName(r2Port, 'AfterRestart');
      expect((await describeOne(R2)).StatusInfos?.[0]?.Status).toBe('replicating');

      expect((await describeOne(REPLICA)).DBInstanceStatus).toBe('failed');
      const { Events = [] } = await rds.send(
        new DescribeEventsCommand({ SourceIdentifier: REPLICA, SourceType: 'db-instance' }),
      );
      expect(Events.at(-1)?.Message).toMatch(
        /could not be started after the lab restarted: .*mariadbd exited/,
      );
      await rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: REPLICA, SkipFinalSnapshot: true }));
      await waitUntil(
        async () =>
          (await errorOf(describeOne(REPLICA))).name === 'DBInstanceNotFoundFault' ? true : undefined,
        { what: `${REPLICA} to be deleted`, timeoutMs: 30_000 },
      );
    },
  );
});
