import type { RdsInstance } from '@shared/models/rds';
import type { ApiClient } from '@renderer/api/client';
import { isTransitional } from '../instance-status';
import type { RdsActionKind } from './action-kinds';
import type { ActionValues } from './action-values';
import type { Operation } from './operations-store';

export type StartedOperation = Omit<Operation, 'key' | 'state' | 'startedAt'>;

/** Sends the action to AWS; answers with what to watch until it is done. */
export async function runAction(
  api: ApiClient,
  kind: RdsActionKind,
  profile: string,
  instance: RdsInstance,
  v: ActionValues,
): Promise<StartedOperation> {
  const ref = { profile, region: instance.region, id: instance.id };
  const watch = (status: string, region = instance.region, instanceId = instance.id): StartedOperation => ({
    kind,
    profile,
    region,
    instanceId,
    status,
    // RDS usually answers with the new status already (`rebooting`, `creating`): that counts.
    sawTransition: isTransitional(status),
  });
  switch (kind) {
    case 'createReplica': {
      const replica = await api.call('rds.createReadReplica', {
        profile,
        region: instance.region,
        sourceId: instance.id,
        id: v.replicaId,
        ...(v.instanceClass ? { instanceClass: v.instanceClass } : {}),
        ...(v.placement === 'az' ? { availabilityZone: v.availabilityZone } : {}),
        ...(v.placement === 'region' ? { targetRegion: v.targetRegion } : {}),
      });
      return watch(replica.status, replica.region, replica.id);
    }
    case 'promote':
      return watch((await api.call('rds.promoteReadReplica', ref)).status);
    case 'reboot':
      return watch(
        (await api.call('rds.reboot', { ...ref, ...(v.forceFailover ? { forceFailover: true } : {}) }))
          .status,
      );
    case 'stop':
      return watch(
        (await api.call('rds.stop', { ...ref, ...(v.withSnapshot ? { snapshotId: v.snapshotId } : {}) }))
          .status,
      );
    case 'start':
      return watch((await api.call('rds.start', ref)).status);
    case 'snapshot': {
      const snapshot = await api.call('rds.createSnapshot', { ...ref, snapshotId: v.snapshotId });
      return { ...watch(snapshot.status), snapshotId: snapshot.id };
    }
    case 'delete':
      return watch(
        (
          await api.call('rds.delete', {
            ...ref,
            skipFinalSnapshot: !v.withSnapshot,
            ...(v.withSnapshot ? { finalSnapshotId: v.snapshotId } : {}),
          })
        ).status,
      );
  }
}
