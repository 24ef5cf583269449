import type { ConsistencyProgress, ConsistencyVerdict, DifferingRange } from '@shared/models/replication';

export const VERDICT_COLOR: Record<ConsistencyVerdict, string> = {
  match: 'green',
  mismatch: 'red',
  changed: 'yellow',
  skipped: 'gray',
  error: 'red',
};

export const PHASE_TEXT: Record<ConsistencyProgress['phase'], string> = {
  'checksum-primary': 'Checksumming the primary',
  'waiting-replica': 'Waiting for the replicas to catch up',
  'checksum-replica': 'Checksumming the replicas',
  narrowing: 'Narrowing down the differing ranges',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

export function isFinished(phase: ConsistencyProgress['phase']): boolean {
  return phase === 'done' || phase === 'cancelled' || phase === 'failed';
}

/** Percent done, 0–100; an empty plan counts as done once finished. */
export function progressPercent(p: Pick<ConsistencyProgress, 'done' | 'total' | 'phase'>): number {
  if (p.total <= 0) return isFinished(p.phase) ? 100 : 0;
  return Math.min(100, Math.round((p.done / p.total) * 100));
}

/** `3 match · 1 mismatch` in a fixed order, zero counts left out. */
export function verdictSummary(verdicts: readonly ConsistencyVerdict[]): string {
  const order: ConsistencyVerdict[] = ['mismatch', 'error', 'changed', 'match', 'skipped'];
  const counts = new Map<ConsistencyVerdict, number>();
  for (const v of verdicts) counts.set(v, (counts.get(v) ?? 0) + 1);
  return order
    .filter((v) => counts.has(v))
    .map((v) => `${counts.get(v)} ${v}`)
    .join(' · ');
}

const bound = (values: string[] | null, open: string) => (values === null ? open : `(${values.join(', ')})`);

/** `(10) … (19)`, `start … (42)`, `(90) … end`. */
export function rangeText(range: Pick<DifferingRange, 'lower' | 'upper'>): string {
  return `${bound(range.lower, 'start')} … ${bound(range.upper, 'end')}`;
}

/**
 * Indexes of the cells that differ between a row on the primary and on the replica. A row missing on
 * one side differs in every cell.
 */
export function differingCells(
  primary: readonly (string | null)[] | null,
  replica: readonly (string | null)[] | null,
  columns: number,
): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < columns; i++) {
    if (!primary || !replica || primary[i] !== replica[i]) out.add(i);
  }
  return out;
}
