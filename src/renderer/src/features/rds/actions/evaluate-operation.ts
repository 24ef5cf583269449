import type { RdsInstanceDetail } from '@shared/models/rds';
import { isBroken, isTransitional } from '../instance-status';
import type { Operation } from './operations-store';

/** What one poll saw: the instance, no instance (NOT_FOUND), or a failed call. */
export type Observation =
  { kind: 'found'; detail: RdsInstanceDetail } | { kind: 'gone' } | { kind: 'error'; message: string };

/** RDS may answer the first describe with the status from before the action; give it this long. */
export const START_GRACE_MS = 20_000;
/** Past this, stop watching and say so; RDS may still finish later. */
export const GIVE_UP_MS = 45 * 60_000;

const TARGET: Record<Operation['kind'], string> = {
  createReplica: 'available',
  promote: 'available',
  reboot: 'available',
  start: 'available',
  stop: 'stopped',
  snapshot: 'available',
  delete: 'deleted',
};

/** The watched thing's status: the snapshot's for snapshots, else the instance's. */
function observedStatus(op: Operation, detail: RdsInstanceDetail): string {
  if (op.kind !== 'snapshot') return detail.instance.status;
  return detail.snapshots.find((s) => s.id === op.snapshotId)?.status ?? 'creating';
}

/**
 * The operation after one poll. Done when the target status is reached (after a transition, or
 * after the grace period); failed when it settles anywhere else, shown as AWS reports it.
 */
export function evaluateOperation(op: Operation, seen: Observation, now: number): Partial<Operation> {
  const elapsed = now - op.startedAt;
  if (seen.kind === 'error') return { message: seen.message };
  if (seen.kind === 'gone') {
    if (op.kind === 'delete')
      return { state: 'done', status: 'deleted', message: undefined, finishedAt: now };
    // A new replica can take a moment to be listed at all.
    if (elapsed < START_GRACE_MS) return {};
    return {
      state: 'failed',
      status: 'not found',
      message: 'The instance no longer exists.',
      finishedAt: now,
    };
  }
  const status = observedStatus(op, seen.detail);
  const moving =
    op.kind === 'snapshot' ? status !== 'available' && status !== 'failed' : isTransitional(status);
  const sawTransition = op.sawTransition || moving;
  const patch: Partial<Operation> = { status, sawTransition, message: undefined };
  if (moving) {
    if (elapsed > GIVE_UP_MS) {
      return { ...patch, state: 'failed', message: `Still ${status} after 45 minutes.`, finishedAt: now };
    }
    return patch;
  }
  const settledLongEnough = sawTransition || elapsed > START_GRACE_MS;
  // A promoted replica reports `available` before it stops being a replica: wait for both.
  const promoted = op.kind !== 'promote' || seen.detail.instance.role !== 'replica';
  if (status === TARGET[op.kind]) {
    if (promoted && settledLongEnough) return { ...patch, state: 'done', finishedAt: now };
    return patch;
  }
  if (settledLongEnough || isBroken(status)) {
    return { ...patch, state: 'failed', message: `Ended as ${status}.`, finishedAt: now };
  }
  return patch;
}
