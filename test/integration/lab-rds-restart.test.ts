import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CreateDBInstanceReadReplicaCommand,
  DeleteDBInstanceCommand,
  DescribeEventsCommand,
  ModifyDBInstanceCommand,
  PromoteReadReplicaCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { findMariaDbBinaries } from '../../src/lab/engine/mariadb-binaries';
import { mariaDbLayout } from '../../src/lab/engine/mariadb-layout';
import { startMariaDb } from '../../src/lab/engine/mariadb-process';
import { isProcessAlive } from '../../src/lab/engine/process-alive';
import type { RdsStateFile } from '../../src/lab/rds/model';
import { describeOne } from '../support/lab-rds-client';
import { withDb } from '../support/lab-rds-db';
import { startRdsLab, type RdsLab } from '../support/lab-rds-edge';
import { createReplica, createSource } from '../support/lab-rds-seed';
import { Timings } from '../support/lab-rds-timings';
import { waitForDeleted, waitForName, waitForStatus } from '../support/lab-rds-wait';

const SRC = 'lab-src';
const REPLICA = 'lab-src-replica';
const R2 = 'lab-src-r2';
const timings = new Timings('lab-rds-restart');
let lab: RdsLab;
let rds: RDSClient;
let srcPort: number | undefined;

// What a lab has after a course session: a Multi-AZ source, and a replica of it since promoted.
beforeAll(async () => {
  lab = await startRdsLab('lab-rds-restart');
  rds = lab.rds;
  srcPort = await timings.timed('createSource', () => createSource(rds, SRC));
  await timings.timed('createReplica', () => createReplica(rds, REPLICA, SRC));
  await rds.send(
    new ModifyDBInstanceCommand({ DBInstanceIdentifier: SRC, MultiAZ: true, ApplyImmediately: true }),
  );
  await timings.timed('addStandby', () => waitForStatus(rds, SRC, 'available'));
  await rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: REPLICA }));
  await waitForStatus(rds, REPLICA, 'available');
});

afterAll(async () => {
  await lab?.close();
  timings.log();
});

describe('lab restart', () => {
  it(
    'brings instances back after a clean stop and after a crash left a server running',
    { timeout: 180_000 },
    async () => {
      await rds.send(
        new CreateDBInstanceReadReplicaCommand({ DBInstanceIdentifier: R2, SourceDBInstanceIdentifier: SRC }),
      );
      const r2Port = (await waitForStatus(rds, R2, 'available')).Endpoint?.Port;
      const pids = (await lab.service.instances()).flatMap((i) => i.processes.map((p) => p.pid ?? 0));
      await lab.service.shutdown();
      expect(pids.filter(isProcessAlive)).toEqual([]);

      // What a crash leaves: the lock of a dead lab and the source's primary still running on its data dir.
      const rdsDir = join(lab.dir.path, 'rds');
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
      // Should the restart fail before ending it, the leftover must not outlive the test.
      onTestFinished(() => leftover.stop());
      await writeFile(join(rdsDir, 'lab.lock'), JSON.stringify({ pid: 2 ** 22 + 1 }));
      // And a data dir damaged beyond what crash recovery repairs: reported, never fatal to the lab.
      const promotedNode = state.instances.find((i) => i.id === REPLICA)?.primary.name ?? '';
      await rm(join(rdsDir, 'instances', REPLICA, promotedNode, 'data', 'mysql'), { recursive: true });

      const service = await timings.timed('restartService', () => lab.restart());
      expect(isProcessAlive(leftover.pid)).toBe(false);
      expect(service.status().warnings.join('\n')).toMatch(/left by an earlier run .* ended with SIGTERM/);
      const back = await describeOne(rds, SRC);
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
      expect((await describeOne(rds, R2)).StatusInfos?.[0]?.Status).toBe('replicating');

      expect((await describeOne(rds, REPLICA)).DBInstanceStatus).toBe('failed');
      const { Events = [] } = await rds.send(
        new DescribeEventsCommand({ SourceIdentifier: REPLICA, SourceType: 'db-instance' }),
      );
      expect(Events.at(-1)?.Message).toMatch(
        /could not be started after the lab restarted: .*mariadbd exited/,
      );
      await rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: REPLICA, SkipFinalSnapshot: true }));
      await waitForDeleted(rds, REPLICA);
    },
  );
});
