import { DescribeDBSnapshotsCommand, type DBInstance } from '@aws-sdk/client-rds';
import { describeOne, errorOf, type Rds } from './lab-rds-client';
import { names } from './lab-rds-db';
import { waitUntil } from './wait-until';

/** Polls DescribeDBInstances until `id` has `status`, recording every status seen on the way. */
export async function waitForStatus(
  rds: Rds,
  id: string,
  status: string,
  seen: string[] = [],
  timeoutMs = 90_000,
): Promise<DBInstance> {
  return waitUntil(
    async () => {
      const instance = await describeOne(rds, id);
      const current = instance.DBInstanceStatus ?? '?';
      if (seen.at(-1) !== current) seen.push(current);
      if (current === 'failed' || current === 'incompatible-restore') throw new Error(`${id} is ${current}`);
      return current === status ? instance : undefined;
    },
    { what: `${id} to be ${status}`, timeoutMs, intervalMs: 100 },
  );
}

/** Polls until DescribeDBInstances answers DBInstanceNotFound for `id`. */
export async function waitForDeleted(rds: Rds, id: string): Promise<void> {
  await waitUntil(
    async () => ((await errorOf(describeOne(rds, id))).name === 'DBInstanceNotFoundFault' ? true : undefined),
    { what: `${id} to be deleted`, timeoutMs: 30_000 },
  );
}

/** Polls DescribeDBSnapshots until snapshot `id` is available. */
export async function waitForSnapshot(rds: Rds, id: string): Promise<void> {
  await waitUntil(
    async () => {
      const { DBSnapshots = [] } = await rds.send(
        new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: id }),
      );
      return DBSnapshots[0]?.Status === 'available' ? true : undefined;
    },
    { what: `the snapshot ${id}`, timeoutMs: 30_000 },
  );
}

/** Waits until a row written on a source shows on a replica (replication is asynchronous). */
export async function waitForName(port: number | undefined, name: string, timeoutMs = 20_000): Promise<void> {
  await waitUntil(async () => ((await names(port)).includes(name) ? true : undefined), {
    what: `${name} to arrive on port ${port}`,
    timeoutMs,
    intervalMs: 100,
  });
}
