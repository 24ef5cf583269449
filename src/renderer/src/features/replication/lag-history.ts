import type { ReplicationSnapshot } from '@shared/models/replication';
import { reportedLagSeconds } from './replication-format';

/** One point of a node's lag chart; lags in seconds, null where there was no value. */
export interface LagSample {
  /** Epoch milliseconds of the snapshot. */
  t: number;
  reported: number | null;
  measured: number | null;
}

/** Per node key, oldest first. */
export type LagHistory = Readonly<Record<string, readonly LagSample[]>>;

/** The chart covers the session, bounded so a long-open tab does not grow without end. */
export const LAG_WINDOW_MS = 30 * 60_000;

/**
 * Adds a snapshot's lags to the history and drops what fell out of the window. The same snapshot
 * twice (a re-render, a refetch answered from the cache) adds nothing.
 */
export function appendLag(
  history: LagHistory,
  snapshot: ReplicationSnapshot,
  windowMs = LAG_WINDOW_MS,
): LagHistory {
  const t = Date.parse(snapshot.takenAt);
  if (!Number.isFinite(t)) return history;
  const from = t - windowMs;
  const next: Record<string, readonly LagSample[]> = {};
  for (const [key, samples] of Object.entries(history)) {
    const kept = samples.filter((s) => s.t >= from);
    if (kept.length > 0) next[key] = kept;
  }
  for (const node of snapshot.nodes) {
    if (node.channels.length === 0 && !node.measured) continue;
    const samples = next[node.key] ?? [];
    if ((samples.at(-1)?.t ?? -Infinity) >= t) continue;
    const lagMs = node.measured?.lagMs;
    next[node.key] = [
      ...samples,
      {
        t,
        reported: reportedLagSeconds(node),
        measured: lagMs === null || lagMs === undefined ? null : lagMs / 1000,
      },
    ];
  }
  return next;
}
