import type { ActionContext } from './action-context';
import { removeInstance } from './actions/delete-instance';
import type { InstanceRecord, InstanceStatus } from './model';

const RESUMABLE: readonly InstanceStatus[] = [
  'available',
  'backing-up',
  'modifying',
  'resetting-master-credentials',
  'rebooting',
  'starting',
];

/**
 * Brings the recorded instances back after the lab starts: running ones are started again (sources
 * before their replicas, replication resumes by itself), work a crash interrupted is finished or
 * reported as an event, and nothing here throws: an instance that cannot come back is `failed`.
 */
export async function recoverInstances(ctx: ActionContext): Promise<void> {
  for (const snapshot of ctx.state.snapshots.values()) {
    if (snapshot.status !== 'creating') continue;
    snapshot.status = 'failed';
    ctx.state.recordEvent('db-snapshot', snapshot.id, 'The lab stopped while the snapshot was being taken', [
      'failure',
    ]);
  }
  for (const level of byDepth([...ctx.state.instances.values()])) {
    await Promise.all(level.map((instance) => recoverOne(ctx, instance)));
  }
  await ctx.state.save();
}

async function recoverOne(ctx: ActionContext, instance: InstanceRecord): Promise<void> {
  const was = instance.status;
  const note = (message: string, categories: string[]): void =>
    ctx.state.recordEvent('db-instance', instance.id, message, categories);
  try {
    if (RESUMABLE.includes(was)) {
      await ctx.workflows.resume(instance);
      instance.status = 'available';
      note(
        was === 'available'
          ? 'DB instance started with the lab'
          : `The lab stopped while the instance was ${was}; it is available again`,
        ['availability'],
      );
    } else if (was === 'stopping') {
      instance.status = 'stopped';
      note('DB instance stopped', ['notification']);
    } else if (was === 'creating') {
      instance.status = 'failed';
      note('The lab stopped while the instance was being created; delete it and create it again', [
        'failure',
      ]);
    } else if (was === 'deleting') {
      await removeInstance(ctx, instance);
    }
  } catch (error) {
    instance.status = 'failed';
    note(`The DB instance could not be started after the lab restarted: ${(error as Error).message}`, [
      'failure',
    ]);
  }
}

/** Instances grouped by replication depth: sources, then their replicas, then replicas of those. */
function byDepth(instances: InstanceRecord[]): InstanceRecord[][] {
  const byId = new Map(instances.map((instance) => [instance.id, instance]));
  const depth = (instance: InstanceRecord, seen = new Set<string>()): number => {
    const source = instance.sourceId === undefined ? undefined : byId.get(instance.sourceId);
    if (!source || seen.has(source.id)) return 0;
    seen.add(source.id);
    return 1 + depth(source, seen);
  };
  const levels: InstanceRecord[][] = [];
  for (const instance of instances) (levels[depth(instance)] ??= []).push(instance);
  return levels.filter((level) => level !== undefined);
}
