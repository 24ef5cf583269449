import { requireEngine, type Action } from '../action-context';
import { invalidInstanceState, invalidSnapshotState } from '../errors';
import type { InstanceStatus, SnapshotRecord } from '../model';
import { paginate } from '../paging';
import { snapshotXml } from '../snapshot-view';
import * as validate from '../validate';
import { xmlList } from '../xml';
import { instanceParam } from './lookup';
import { newSnapshot, takeSnapshot } from './snapshot-work';

const SNAPSHOTTABLE: readonly InstanceStatus[] = ['available', 'stopped'];

/**
 * CreateDBSnapshot: a consistent dump of the instance (`backing-up` while it runs). A stopped instance
 * is started on the side for the dump and stopped again; its endpoint stays closed.
 */
export const createDBSnapshot: Action = async (params, ctx) => {
  requireEngine(ctx);
  const instance = instanceParam(params, ctx);
  const rawId = params.requiredString('DBSnapshotIdentifier');
  if (!SNAPSHOTTABLE.includes(instance.status))
    throw invalidInstanceState(`Instance ${instance.id} is not in available state.`);
  const snapshot = newSnapshot(ctx, instance, rawId, validate.tags(params));
  const before = instance.status;
  if (before === 'available') instance.status = 'backing-up';
  await ctx.state.save();
  ctx.jobs.run(
    instance.id,
    async () => {
      try {
        await takeSnapshot(ctx, instance, snapshot);
      } finally {
        if (instance.status === 'backing-up') instance.status = before;
        await ctx.state.save();
      }
    },
    async () => undefined, // takeSnapshot recorded the failure on the snapshot; the instance is unharmed
  );
  return { DBSnapshot: snapshotXml(snapshot, ctx.state) };
};

/** DescribeDBSnapshots: by snapshot identifier, by instance, by type (only manual snapshots exist here). */
export const describeDBSnapshots: Action = async (params, ctx) => {
  const rawId = params.string('DBSnapshotIdentifier');
  const rawInstance = params.string('DBInstanceIdentifier');
  let snapshots: SnapshotRecord[];
  if (rawId !== undefined)
    snapshots = [ctx.state.snapshot(validate.identifier(rawId, 'DBSnapshotIdentifier'))];
  else snapshots = [...ctx.state.snapshots.values()].sort((a, b) => a.id.localeCompare(b.id));
  if (rawInstance !== undefined) {
    const instanceId = validate.instanceIdentifier(rawInstance, 'DBInstanceIdentifier');
    snapshots = snapshots.filter((snapshot) => snapshot.instanceId === instanceId);
  }
  const type = params.string('SnapshotType');
  if (type !== undefined && type !== 'manual') snapshots = [];
  const page = paginate(snapshots, params);
  return {
    Marker: page.marker,
    DBSnapshots: xmlList(
      'DBSnapshot',
      page.items.map((snapshot) => snapshotXml(snapshot, ctx.state)),
    ),
  };
};

/** DeleteDBSnapshot: removes the dump; answers with the snapshot in `deleted` state, as RDS does. */
export const deleteDBSnapshot: Action = async (params, ctx) => {
  const snapshot = ctx.state.snapshot(
    validate.identifier(params.requiredString('DBSnapshotIdentifier'), 'DBSnapshotIdentifier'),
  );
  if (snapshot.status === 'creating') {
    throw invalidSnapshotState(
      `Cannot delete the snapshot ${snapshot.id} because it is still being created.`,
    );
  }
  await ctx.workflows.deleteSnapshotFiles(snapshot.id);
  ctx.state.snapshots.delete(snapshot.id);
  ctx.state.recordEvent('db-snapshot', snapshot.id, 'Manual snapshot deleted', ['deletion']);
  await ctx.state.save();
  return { DBSnapshot: snapshotXml(snapshot, ctx.state, 'deleted') };
};
