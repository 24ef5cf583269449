import type { RdsInstance } from '@shared/models/rds';

export type RdsActionKind = 'createReplica' | 'promote' | 'reboot' | 'stop' | 'start' | 'snapshot' | 'delete';

interface ActionText {
  /** In the actions menu. */
  menu: string;
  /** The dialog title and the operation's name in the activity list. */
  title: string;
  /** The confirm button. */
  verb: string;
}

export const ACTION_TEXT: Record<RdsActionKind, ActionText> = {
  createReplica: { menu: 'Create read replica…', title: 'Create read replica', verb: 'Create replica' },
  promote: { menu: 'Promote to standalone…', title: 'Promote read replica', verb: 'Promote' },
  reboot: { menu: 'Reboot…', title: 'Reboot', verb: 'Reboot' },
  stop: { menu: 'Stop…', title: 'Stop', verb: 'Stop instance' },
  start: { menu: 'Start', title: 'Start', verb: 'Start instance' },
  snapshot: { menu: 'Take snapshot…', title: 'Take snapshot', verb: 'Take snapshot' },
  delete: { menu: 'Delete…', title: 'Delete', verb: 'Delete instance' },
};

/**
 * Whether the user must type the identifier to confirm. Reboot only with a failover, which moves
 * the endpoint to the standby and drops every connection for a minute or two.
 */
export function needsTypedConfirmation(kind: RdsActionKind, forceFailover: boolean): boolean {
  return kind === 'delete' || kind === 'stop' || kind === 'promote' || (kind === 'reboot' && forceFailover);
}

/**
 * Why an action cannot run on the instance as it is now, or null. Only what the status makes
 * certain; any other rule (a primary with replicas cannot stop, …) is left to AWS, whose error
 * code and message are shown as they come.
 */
export function unavailableReason(kind: RdsActionKind, i: RdsInstance): string | null {
  switch (kind) {
    case 'start':
      return i.status === 'stopped' ? null : 'Only a stopped instance can be started.';
    case 'promote':
      if (i.role !== 'replica') return 'Only a read replica can be promoted.';
      return i.status === 'available' ? null : 'The replica must be available.';
    case 'delete':
      if (i.deletionProtection) return 'Deletion protection is on for this instance.';
      return i.status === 'deleting' ? 'The instance is already being deleted.' : null;
    default:
      return i.status === 'available' ? null : `The instance must be available (it is ${i.status}).`;
  }
}

/** The actions offered for an instance, in menu order (start or stop, not both). */
export function menuActions(i: RdsInstance): RdsActionKind[] {
  const power: RdsActionKind = i.status === 'stopped' ? 'start' : 'stop';
  const replica: RdsActionKind[] = i.role === 'replica' ? ['promote'] : [];
  return ['createReplica', ...replica, 'reboot', power, 'snapshot', 'delete'];
}

/** Connect needs an endpoint that answers: not while RDS is still creating it, nor when stopped. */
export function canConnect(i: RdsInstance): boolean {
  return (
    i.endpoint !== undefined && i.status !== 'stopped' && i.status !== 'stopping' && i.status !== 'deleting'
  );
}
