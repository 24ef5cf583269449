import {
  CreateDBInstanceCommand,
  DeleteDBInstanceCommand,
  DescribeDBSnapshotsCommand,
  DescribeEventsCommand,
  RebootDBInstanceCommand,
  StartDBInstanceCommand,
  StopDBInstanceCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, MASTER, withDb } from '../support/lab-rds-db';
import { startRdsLab, type RdsLab } from '../support/lab-rds-edge';
import { waitUntil } from '../support/wait-until';
import { waitForDeleted, waitForStatus } from '../support/lab-rds-wait';

let lab: RdsLab;
let rds: RDSClient;

beforeAll(async () => {
  lab = await startRdsLab('lab-rds-managed');
  rds = lab.rds;
});

afterAll(async () => {
  await lab?.close();
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
    port = (await waitForStatus(rds, ID, 'available')).Endpoint?.Port;
    const password = await lab.secrets.currentPassword(secretArn);
    await withDb(
      port,
      (c) => c.query('CREATE TABLE demo.users (id INT PRIMARY KEY, name VARCHAR(20))'),
      password,
    );
    await lab.service.setMasterPassword(ID, 'Rotated-pass-9');
    await withDb(port, (c) => c.query("INSERT INTO demo.users VALUES (1, 'Kept')"), 'Rotated-pass-9');
    await expect(connect(port, password)).rejects.toMatchObject({ code: 'ER_ACCESS_DENIED_ERROR' });
  });

  it('stops and starts on the same endpoint with the data', async () => {
    const stopping = await rds.send(new StopDBInstanceCommand({ DBInstanceIdentifier: ID }));
    expect(stopping.DBInstance?.DBInstanceStatus).toBe('stopping');
    await waitForStatus(rds, ID, 'stopped');
    await expect(connect(port, 'Rotated-pass-9')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const starting = await rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: ID }));
    expect(starting.DBInstance?.DBInstanceStatus).toBe('starting');
    const started = await waitForStatus(rds, ID, 'available');
    expect(started.Endpoint?.Port).toBe(port);
    const rows = await withDb(
      port,
      async (c) => (await c.query<RowDataPacket[]>('SELECT name FROM demo.users'))[0],
      'Rotated-pass-9',
    );
    expect(rows).toEqual([{ name: 'Kept' }]);
  });

  it('shows a killed process from outside, restarts it by itself, and recovers with a reboot', async () => {
    await lab.service.faults.killProcess(ID);
    await expect(connect(port, 'Rotated-pass-9')).rejects.toBeTruthy();
    const messages = async (): Promise<string[]> => {
      const { Events = [] } = await rds.send(
        new DescribeEventsCommand({ SourceIdentifier: ID, SourceType: 'db-instance' }),
      );
      return Events.map((e) => e.Message ?? '');
    };
    expect(await messages()).toContainEqual(expect.stringMatching(/stopped unexpectedly: killed by SIGKILL/));
    // Like RDS after a crash, the lab starts the process again by itself.
    await waitUntil(() => withDb(port, (c) => c.query('SELECT 1'), 'Rotated-pass-9'), {
      what: 'the killed process to come back',
      timeoutMs: 30_000,
    });
    await waitUntil(
      async () =>
        (await messages()).some((m) => /restarted after it stopped unexpectedly/.test(m)) ? true : undefined,
      { what: 'the restart event', timeoutMs: 10_000 },
    );
    await rds.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: ID }));
    await waitForStatus(rds, ID, 'available');
    await withDb(port, (c) => c.query('SELECT 1'), 'Rotated-pass-9');
    await lab.service.faults.stopProcess(ID);
    await expect(connect(port, 'Rotated-pass-9')).rejects.toBeTruthy();
  });

  it('deletes with a final snapshot and removes the managed secret', async () => {
    await rds.send(
      new DeleteDBInstanceCommand({
        DBInstanceIdentifier: ID,
        FinalDBSnapshotIdentifier: 'lab-managed-final',
      }),
    );
    await waitForDeleted(rds, ID);
    const { DBSnapshots = [] } = await rds.send(new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: ID }));
    expect(DBSnapshots.map((s) => [s.DBSnapshotIdentifier, s.Status])).toEqual([
      ['lab-managed-final', 'available'],
    ]);
    expect(lab.secrets.passwords.has(secretArn)).toBe(false);
  });
});
