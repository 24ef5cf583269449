import {
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  DeleteDBSnapshotCommand,
  RestoreDBInstanceFromDBSnapshotCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../support/lab-rds-client';
import { names } from '../support/lab-rds-db';
import { useRdsLab } from '../support/lab-rds-edge';
import { createSource } from '../support/lab-rds-seed';
import { waitForDeleted, waitForSnapshot, waitForStatus } from '../support/lab-rds-wait';

const SRC = 'lab-src';
let rds: RDSClient;
let srcPort: number | undefined;
const timings = useRdsLab('lab-rds-snapshots', async (lab) => {
  rds = lab.rds;
  srcPort = await timings.timed('createSource', () => createSource(rds, SRC));
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
    await waitForSnapshot(rds, 'lab-snap');
    const again = rds.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: SRC, DBSnapshotIdentifier: 'lab-snap' }),
    );
    expect(await errorOf(again)).toMatchObject({ name: 'DBSnapshotAlreadyExistsFault' });
    await waitForStatus(rds, SRC, 'available');
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'lab-restored',
        DBSnapshotIdentifier: 'lab-snap',
      }),
    );
    const restored = await timings.timed('restore', () => waitForStatus(rds, 'lab-restored', 'available'));
    expect(await names(restored.Endpoint?.Port)).toEqual(await names(srcPort));
    const { DBInstance } = await rds.send(
      new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'lab-restored', SkipFinalSnapshot: true }),
    );
    expect(DBInstance?.DBInstanceStatus).toBe('deleting');
    await waitForDeleted(rds, 'lab-restored');
    const deleted = await rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: 'lab-snap' }));
    expect(deleted.DBSnapshot?.Status).toBe('deleted');
  });
});
