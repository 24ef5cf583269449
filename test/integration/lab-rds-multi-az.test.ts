import { performance } from 'node:perf_hooks';
import {
  DescribeDBInstancesCommand,
  DescribeEventsCommand,
  ModifyDBInstanceCommand,
  RebootDBInstanceCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, names, serverId, withDb } from '../support/lab-rds-db';
import { REGION, startRdsLab, type RdsLab } from '../support/lab-rds-edge';
import { createReplica, createSource } from '../support/lab-rds-seed';
import { Timings } from '../support/lab-rds-timings';
import { waitForName, waitForStatus } from '../support/lab-rds-wait';
import { waitUntil } from '../support/wait-until';

const SRC = 'lab-src';
const REPLICA = 'lab-src-replica';
const timings = new Timings('lab-rds-multi-az');
let lab: RdsLab;
let rds: RDSClient;
let srcPort: number | undefined;
let replicaPort: number | undefined;

// A source with a read replica, so the failovers also show that the replica follows the endpoint.
beforeAll(async () => {
  lab = await startRdsLab('lab-rds-multi-az');
  rds = lab.rds;
  srcPort = await timings.timed('createSource', () => createSource(rds, SRC));
  replicaPort = await timings.timed('createReplica', () => createReplica(rds, REPLICA, SRC));
  await withDb(srcPort, (c) => c.query("INSERT INTO demo.users (name) VALUES ('AfterReplica')"));
  await waitForName(replicaPort, 'AfterReplica');
});

afterAll(async () => {
  await lab?.close();
  timings.log();
});

const processesOf = async (id: string) => (await lab.service.instances()).find((i) => i.id === id)?.processes;

describe('Multi-AZ', () => {
  it('adds a hidden standby with ModifyDBInstance', async () => {
    const { DBInstance } = await rds.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: SRC, MultiAZ: true, ApplyImmediately: true }),
    );
    expect(DBInstance?.DBInstanceStatus).toBe('modifying');
    const instance = await timings.timed('addStandby', () => waitForStatus(rds, SRC, 'available'));
    expect(instance).toMatchObject({
      MultiAZ: true,
      AvailabilityZone: `${REGION}a`,
      SecondaryAvailabilityZone: `${REGION}b`,
      Endpoint: { Port: srcPort },
    });
    const all = await rds.send(new DescribeDBInstancesCommand({}));
    expect(all.DBInstances?.map((i) => i.DBInstanceIdentifier).sort()).toEqual([SRC, REPLICA]);
    expect((await processesOf(SRC))?.map((p) => p.role)).toEqual(['primary', 'standby']);
  });

  it('fails over behind the same endpoint while a client reconnects', async () => {
    const oldPrimaryPid = (await processesOf(SRC))?.[0]?.pid;
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
    timings.since('failoverWritable', started);
    expect(newServerId).not.toBe(serverIdBefore);
    const after = await waitForStatus(rds, SRC, 'available');
    timings.since('failoverComplete', started);
    expect(after).toMatchObject({
      AvailabilityZone: `${REGION}b`,
      SecondaryAvailabilityZone: `${REGION}a`,
      MultiAZ: true,
    });
    const processes = await processesOf(SRC);
    expect(processes?.[0]?.pid).not.toBe(oldPrimaryPid);
    expect(processes?.map((p) => p.role)).toEqual(['primary', 'standby']);
    expect(await names(srcPort)).toEqual(['Monowar', 'CloudUser', 'AfterReplica', 'AfterFailover']);
    // The read replica follows the endpoint, as it follows RDS's DNS name.
    await waitForName(replicaPort, 'AfterFailover');
    const { Events = [] } = await rds.send(
      new DescribeEventsCommand({ SourceIdentifier: SRC, SourceType: 'db-instance' }),
    );
    expect(Events.map((e) => e.Message)).toContain('Multi-AZ instance failover completed.');
  });

  it('fails over when the primary was killed, and builds a new standby', async () => {
    const before = await processesOf(SRC);
    await lab.service.faults.killProcess(SRC);
    await expect(withDb(srcPort, (c) => c.query('SELECT 1'))).rejects.toBeTruthy();
    const { DBInstance } = await rds.send(
      new RebootDBInstanceCommand({ DBInstanceIdentifier: SRC, ForceFailover: true }),
    );
    expect(DBInstance?.DBInstanceStatus).toBe('rebooting');
    await timings.timed('failoverAfterKill', () => waitForStatus(rds, SRC, 'available'));
    const after = await processesOf(SRC);
    expect(after?.[0]?.node).toBe(before?.[1]?.node);
    expect(after?.[1]?.node).not.toBe(before?.[0]?.node);
    expect(after?.every((p) => p.pid !== undefined)).toBe(true);
    await withDb(srcPort, (c) => c.query("INSERT INTO demo.users (name) VALUES ('AfterKill')"));
    await waitForName(replicaPort, 'AfterKill');
  });
});
