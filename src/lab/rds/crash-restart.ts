import type { JobRunner } from './jobs';
import type { InstanceRecord, InstanceStatus, NodeRecord } from './model';
import type { RdsState } from './rds-state';

/** Statuses in which the instance's processes are meant to run, so a crashed one is brought back. */
const RUNNING_STATUSES: readonly InstanceStatus[] = [
  'available',
  'backing-up',
  'modifying',
  'resetting-master-credentials',
];

export interface CrashRestartOptions {
  state: RdsState;
  jobs: JobRunner;
  isRunning(instanceId: string, node: NodeRecord): boolean;
  /** Starts whatever of the instance is not running and routes its endpoint again. */
  restart(instance: InstanceRecord): Promise<void>;
  delayMs: number;
  closing(): boolean;
}

export interface CrashRestarter {
  /** Called when a node's process ended without the lab asking: it comes back after `delayMs`. */
  schedule(instanceId: string, node: NodeRecord): void;
  cancelAll(): void;
}

/**
 * RDS restarts a crashed database process by itself; so does the lab, after a short delay and
 * behind any running work of the instance (a reboot or failover the user asked for meanwhile wins:
 * the node is then running already, or no longer part of the instance). Replication resumes by
 * itself: replicas retry their source every second.
 */
export function createCrashRestarter(opts: CrashRestartOptions): CrashRestarter {
  const timers = new Set<NodeJS.Timeout>();
  const restartNow = (instanceId: string, node: NodeRecord): void => {
    if (opts.closing()) return;
    opts.jobs.run(
      instanceId,
      async () => {
        const instance = opts.state.instances.get(instanceId);
        if (!instance || opts.closing() || !RUNNING_STATUSES.includes(instance.status)) return;
        const current = [instance.primary, instance.standby].find((n) => n?.name === node.name);
        if (!current || opts.isRunning(instanceId, current)) return;
        await opts.restart(instance);
        opts.state.recordEvent(
          'db-instance',
          instanceId,
          `The database process (${node.name}) was restarted after it stopped unexpectedly`,
          ['availability', 'recovery'],
        );
        await opts.state.save();
      },
      async (error) => {
        if (!opts.state.instances.has(instanceId)) return;
        opts.state.recordEvent(
          'db-instance',
          instanceId,
          `The database process (${node.name}) could not be restarted: ${error.message.slice(0, 1000)}`,
          ['failure'],
        );
        await opts.state.save();
      },
    );
  };
  return {
    schedule(instanceId, node) {
      if (opts.closing()) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        restartNow(instanceId, node);
      }, opts.delayMs);
      timer.unref();
      timers.add(timer);
    },
    cancelAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
