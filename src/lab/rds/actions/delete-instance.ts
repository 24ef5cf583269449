import { transition, type Action, type ActionContext } from '../action-context';
import { invalidInstanceState, invalidParameterCombination } from '../errors';
import { instanceXml } from '../instance-view';
import type { InstanceRecord, InstanceStatus } from '../model';
import { instanceParam, requireStatus } from './lookup';
import { newSnapshot, takeSnapshot } from './snapshot-work';

const DELETABLE: readonly InstanceStatus[] = ['available', 'stopped', 'failed', 'incompatible-restore'];

/**
 * DeleteDBInstance: a final snapshot first if asked, then the processes stop and the files go. Read
 * replicas of a deleted source are promoted to standalone instances, as RDS does.
 */
export const deleteDBInstance: Action = async (params, ctx) => {
  const instance = instanceParam(params, ctx);
  const skip = params.bool('SkipFinalSnapshot') ?? false;
  const finalId = params.string('FinalDBSnapshotIdentifier');
  requireStatus(
    instance,
    DELETABLE,
    `Instance ${instance.id} is currently ${instance.status} and cannot be deleted.`,
  );
  if (instance.deletionProtection) {
    throw invalidParameterCombination(
      'Cannot delete protected DB Instance, please disable deletion protection and try again.',
    );
  }
  if (skip && finalId !== undefined) {
    throw invalidParameterCombination(
      'FinalDBSnapshotIdentifier cannot be specified when SkipFinalSnapshot is enabled.',
    );
  }
  const isReplica = instance.sourceId !== undefined;
  if (isReplica && finalId !== undefined) {
    throw invalidParameterCombination(
      'FinalDBSnapshotIdentifier can not be specified when deleting a replica instance.',
    );
  }
  if (!isReplica && !skip && finalId === undefined) {
    throw invalidParameterCombination(
      'FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.',
    );
  }
  if (finalId !== undefined && instance.status !== 'available' && instance.status !== 'stopped') {
    throw invalidInstanceState(
      `Instance ${instance.id} is ${instance.status}: a final snapshot cannot be taken.`,
    );
  }
  const snapshot = finalId === undefined ? undefined : newSnapshot(ctx, instance, finalId, []);
  await transition(
    ctx,
    instance,
    { during: 'deleting', done: 'deleting', categories: ['deletion'] },
    async () => {
      if (snapshot) await takeSnapshot(ctx, instance, snapshot);
      await removeInstance(ctx, instance);
    },
  );
  return { DBInstance: instanceXml(instance, ctx.state, ctx.now()) };
};

/** The deletion itself (also used to finish one interrupted by a lab restart). */
export async function removeInstance(ctx: ActionContext, instance: InstanceRecord): Promise<void> {
  await ctx.workflows.destroy(instance);
  await ctx.workflows.releaseEndpoint(instance.id);
  // Before the record goes: once DescribeDBInstances says "not found", the secret is gone too.
  if (instance.masterUserSecretArn !== undefined) {
    await ctx.secrets.deleteSecret(instance.masterUserSecretArn).catch((error: unknown) => {
      ctx.log.warn('could not delete the master user secret', {
        instance: instance.id,
        error: String(error),
      });
    });
  }
  ctx.state.instances.delete(instance.id);
  ctx.state.recordEvent('db-instance', instance.id, 'DB instance deleted', ['deletion']);
  await ctx.state.save();
  for (const replica of ctx.state.replicasOf(instance.id)) await promoteOrphan(ctx, replica);
}

async function promoteOrphan(ctx: ActionContext, replica: InstanceRecord): Promise<void> {
  if (replica.status !== 'available') {
    // Not running normally: it can only be deleted now; it no longer has a source to follow.
    replica.sourceId = undefined;
    await ctx.state.save();
    return;
  }
  await transition(
    ctx,
    replica,
    {
      during: 'modifying',
      startMessage: 'The source DB instance was deleted: promoting the read replica',
      done: 'available',
      doneMessage: 'Read replica has been promoted to a standalone DB instance',
      categories: ['read replica'],
    },
    async () => {
      await ctx.workflows.promote(replica);
      replica.sourceId = undefined;
      replica.backupRetentionPeriod = 1;
    },
  );
}
