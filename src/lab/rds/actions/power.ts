import { transition, type Action, type ActionContext } from '../action-context';
import { invalidInstanceState, invalidParameterCombination } from '../errors';
import { instanceXml } from '../instance-view';
import type { InstanceRecord } from '../model';
import { applyPendingValues } from './pending';
import { instanceParam, requireAvailable } from './lookup';
import { newSnapshot, takeSnapshot } from './snapshot-work';

/**
 * RebootDBInstance: the process restarts (`rebooting`). With ForceFailover on a Multi-AZ instance the
 * standby takes over behind the same endpoint. Pending modifications are applied here: the lab's
 * maintenance window is the next reboot.
 */
export const rebootDBInstance: Action = async (params, ctx) => {
  const instance = instanceParam(params, ctx);
  const failover = params.bool('ForceFailover') ?? false;
  requireAvailable(instance);
  if (failover && !instance.multiAz) {
    throw invalidParameterCombination('ForceFailover can only be used with a Multi-AZ DB instance.');
  }
  await transition(
    ctx,
    instance,
    failover
      ? {
          during: 'rebooting',
          startMessage: 'Multi-AZ instance failover started.',
          done: 'available',
          doneMessage: 'Multi-AZ instance failover completed.',
          categories: ['failover'],
        }
      : {
          during: 'rebooting',
          startMessage: 'DB instance shutdown',
          done: 'available',
          doneMessage: 'DB instance restarted',
          categories: ['availability'],
        },
    async () => {
      if (failover) await ctx.workflows.failover(instance);
      else await ctx.workflows.reboot(instance);
      await applyPendingValues(ctx, instance);
    },
  );
  return { DBInstance: instanceXml(instance, ctx.state, ctx.now()) };
};

/** StopDBInstance: every process of the instance stops; its endpoint refuses connections. */
export const stopDBInstance: Action = async (params, ctx) => {
  const instance = instanceParam(params, ctx);
  requireAvailable(instance);
  requireNoReplication(ctx, instance);
  const snapshotId = params.string('DBSnapshotIdentifier');
  const snapshot = snapshotId === undefined ? undefined : newSnapshot(ctx, instance, snapshotId, []);
  await transition(
    ctx,
    instance,
    {
      during: 'stopping',
      done: 'stopped',
      doneMessage: 'DB instance stopped',
      categories: ['notification'],
    },
    async () => {
      if (snapshot) await takeSnapshot(ctx, instance, snapshot);
      await ctx.workflows.stop(instance);
    },
  );
  return { DBInstance: instanceXml(instance, ctx.state, ctx.now()) };
};

/** StartDBInstance: the processes start again on the same data and endpoint; replication resumes. */
export const startDBInstance: Action = async (params, ctx) => {
  const instance = instanceParam(params, ctx);
  if (instance.status !== 'stopped') {
    throw invalidInstanceState(`Instance ${instance.id} cannot be started as it is not in stopped state.`);
  }
  await transition(
    ctx,
    instance,
    {
      during: 'starting',
      done: 'available',
      doneMessage: 'DB instance started',
      categories: ['notification'],
    },
    () => ctx.workflows.start(instance),
  );
  return { DBInstance: instanceXml(instance, ctx.state, ctx.now()) };
};

// As RDS for MySQL and MariaDB: "You can't stop a DB instance that has a read replica, or that is a
// read replica."
function requireNoReplication(ctx: ActionContext, instance: InstanceRecord): void {
  if (instance.sourceId !== undefined) {
    throw invalidInstanceState(`Instance ${instance.id} is a read replica and cannot be stopped.`);
  }
  if (ctx.state.replicasOf(instance.id).length > 0) {
    throw invalidInstanceState(`Instance ${instance.id} has read replicas and cannot be stopped.`);
  }
}
