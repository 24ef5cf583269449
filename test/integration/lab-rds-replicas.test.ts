import { performance } from 'node:perf_hooks';
import {
  CreateDBInstanceReadReplicaCommand,
  PromoteReadReplicaCommand,
  StopDBInstanceCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOne, errorOf } from '../support/lab-rds-client';
import { names, withDb } from '../support/lab-rds-db';
import { startRdsLab, type RdsLab } from '../support/lab-rds-edge';
import { createSource } from '../support/lab-rds-seed';
import { Timings } from '../support/lab-rds-timings';
import { waitForName, waitForStatus } from '../support/lab-rds-wait';

const SRC = 'lab-src';
const REPLICA = 'lab-src-replica';
const timings = new Timings('lab-rds-replicas');
let lab: RdsLab;
let rds: RDSClient;
let srcPort: number | undefined;
let replicaPort: number | undefined;

beforeAll(async () => {
  lab = await startRdsLab('lab-rds-replicas');
  rds = lab.rds;
  srcPort = await timings.timed('createSource', () => createSource(rds, SRC));
});

afterAll(async () => {
  await lab?.close();
  timings.log();
});

describe('read replicas', () => {
  it('copies the source with its data and keeps replicating', async () => {
    const available = await timings.timed('createReplica', async () => {
      const { DBInstance } = await rds.send(
        new CreateDBInstanceReadReplicaCommand({
          DBInstanceIdentifier: REPLICA,
          SourceDBInstanceIdentifier: SRC,
        }),
      );
      expect(DBInstance?.DBInstanceStatus).toBe('creating');
      return waitForStatus(rds, REPLICA, 'available');
    });
    replicaPort = available.Endpoint?.Port;
    expect(available).toMatchObject({
      ReadReplicaSourceDBInstanceIdentifier: SRC,
      StatusInfos: [{ StatusType: 'read replication', Status: 'replicating', Normal: true }],
    });
    expect((await describeOne(rds, SRC)).ReadReplicaDBInstanceIdentifiers).toEqual([REPLICA]);
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

describe('faults on a read replica', () => {
  it('delays replication with MASTER_DELAY', async () => {
    await lab.service.faults.setReplicaDelay(REPLICA, 2);
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
    await lab.service.faults.setReplicaDelay(REPLICA, 0);
  });

  it('breaks replication with a conflicting row, seen in StatusInfos', async () => {
    await lab.service.faults.breakReplication(REPLICA);
    const instance = await describeOne(rds, REPLICA);
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
    const promoted = await waitForStatus(rds, REPLICA, 'available');
    expect(promoted.ReadReplicaSourceDBInstanceIdentifier).toBeUndefined();
    expect(promoted.StatusInfos).toBeUndefined();
    expect((await describeOne(rds, SRC)).ReadReplicaDBInstanceIdentifiers).toEqual([]);
    await withDb(replicaPort, async (c) => {
      await c.query("INSERT INTO demo.users (name) VALUES ('OnPromoted')");
      const [rows] = await c.query<RowDataPacket[]>('SHOW SLAVE STATUS');
      expect(rows).toEqual([]);
    });
    await withDb(srcPort, (c) => c.query("INSERT INTO demo.users (name) VALUES ('NotOnPromoted')"));
    expect(await names(replicaPort)).not.toContain('NotOnPromoted');
  });
});
