import type { ActionContext } from '../action-context';
import { snapshotAlreadyExists } from '../errors';
import type { InstanceRecord, SnapshotRecord, Tag } from '../model';
import * as validate from '../validate';

/** Registers a manual snapshot of the instance in `creating` state (the dump is taken by takeSnapshot). */
export function newSnapshot(
  ctx: ActionContext,
  instance: InstanceRecord,
  rawId: string,
  tags: Tag[],
): SnapshotRecord {
  const id = validate.identifier(rawId, 'DBSnapshotIdentifier');
  if (ctx.state.snapshots.has(id)) throw snapshotAlreadyExists(id);
  const snapshot: SnapshotRecord = {
    id,
    instanceId: instance.id,
    resourceId: instance.resourceId,
    status: 'creating',
    createdAt: ctx.now().toISOString(),
    instanceCreatedAt: instance.createdAt,
    engine: instance.engine,
    engineVersion: instance.engineVersion,
    allocatedStorage: instance.allocatedStorage,
    storageType: instance.storageType,
    port: instance.port,
    availabilityZone: instance.availabilityZone,
    masterUsername: instance.masterUsername,
    dbName: instance.dbName,
    iamAuth: instance.iamAuth,
    encrypted: instance.storageEncrypted,
    tags: instance.copyTagsToSnapshot && tags.length === 0 ? [...instance.tags] : tags,
  };
  ctx.state.snapshots.set(id, snapshot);
  ctx.state.recordEvent('db-snapshot', id, 'Creating manual snapshot', ['creation']);
  return snapshot;
}

/** Dumps the instance into the snapshot; the snapshot ends `available`, or `failed` with an event. */
export async function takeSnapshot(
  ctx: ActionContext,
  instance: InstanceRecord,
  snapshot: SnapshotRecord,
): Promise<void> {
  try {
    await ctx.workflows.snapshot(instance, snapshot);
    snapshot.status = 'available';
    ctx.state.recordEvent('db-snapshot', snapshot.id, 'Manual snapshot created', ['creation']);
  } catch (error) {
    snapshot.status = 'failed';
    ctx.state.recordEvent('db-snapshot', snapshot.id, `Snapshot failed: ${(error as Error).message}`, [
      'failure',
    ]);
    throw error;
  } finally {
    await ctx.state.save();
  }
}
