import type { NodeHealth, ReplicationSnapshot } from '@shared/models/replication';
import { HEALTH_LABEL } from './replication-format';

export interface HealthChange {
  key: string;
  label: string;
  from: NodeHealth;
  to: NodeHealth;
  reason: string;
}

/**
 * The nodes whose health differs between two refreshes of the same monitor. Nothing on the first
 * snapshot (the user has just seen it open), and nothing for nodes that came or went: only a change
 * of a node the user was already watching is news.
 */
export function healthChanges(prev: ReplicationSnapshot | null, next: ReplicationSnapshot): HealthChange[] {
  if (!prev || prev.monitorId !== next.monitorId) return [];
  const before = new Map(prev.nodes.map((n) => [n.key, n.health]));
  const changes: HealthChange[] = [];
  for (const node of next.nodes) {
    const from = before.get(node.key);
    if (from === undefined || from === node.health) continue;
    changes.push({ key: node.key, label: node.label, from, to: node.health, reason: node.healthReason });
  }
  return changes;
}

const SEVERITY: Record<NodeHealth, number> = { healthy: 0, lagging: 1, unreachable: 2, broken: 3 };

export interface HealthNotice {
  title: string;
  message: string;
  color: 'green' | 'yellow' | 'red' | 'gray';
  /** A recovery: shown briefly; a worsening stays until read. */
  better: boolean;
}

const COLOR: Record<NodeHealth, HealthNotice['color']> = {
  healthy: 'green',
  lagging: 'yellow',
  broken: 'red',
  unreachable: 'gray',
};

/** What the in-app and desktop notifications say about one change. */
export function describeChange(change: HealthChange): HealthNotice {
  const better = SEVERITY[change.to] < SEVERITY[change.from];
  const was = `was ${HEALTH_LABEL[change.from].toLowerCase()}`;
  return {
    title: `${change.label}: ${HEALTH_LABEL[change.to].toLowerCase()}`,
    message: change.reason ? `${change.reason} (${was})` : `It ${was}.`,
    color: COLOR[change.to],
    better,
  };
}

/** Desktop notifications only when the user granted them; the page never asks on its own. */
export function canNotifyDesktop(permission: NotificationPermission | 'unsupported'): boolean {
  return permission === 'granted';
}
