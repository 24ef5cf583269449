import { cellText } from './node-query';

export interface RowDiff {
  key: string[];
  primary: (string | null)[] | null;
  replica: (string | null)[] | null;
}

/**
 * The rows that differ between two key-sorted lists of the same range: changed, missing on the
 * replica, or extra there. Both lists come sorted by the same ORDER BY, so they are merged in key
 * order without comparing keys in JavaScript (whose order would not match the server's collation).
 */
export function diffRows(
  keyIndexes: number[],
  primaryRows: unknown[][],
  replicaRows: unknown[][],
): RowDiff[] {
  const text = (row: unknown[]): (string | null)[] => row.map(cellText);
  const keyOf = (row: (string | null)[]): string[] => keyIndexes.map((i) => row[i] ?? '');
  const id = (row: (string | null)[]): string => JSON.stringify(keyOf(row));
  const primary = primaryRows.map(text);
  const replica = replicaRows.map(text);
  const inReplica = new Set(replica.map(id));
  const diffs: RowDiff[] = [];
  let i = 0;
  let j = 0;
  while (i < primary.length || j < replica.length) {
    const p = primary[i];
    const r = replica[j];
    if (p && r && id(p) === id(r)) {
      if (JSON.stringify(p) !== JSON.stringify(r)) diffs.push({ key: keyOf(p), primary: p, replica: r });
      i += 1;
      j += 1;
    } else if (p && (!r || !inReplica.has(id(p)))) {
      diffs.push({ key: keyOf(p), primary: p, replica: null });
      i += 1;
    } else if (r) {
      // p appears later in the replica's list (or the primary's list is done), so r comes first.
      diffs.push({ key: keyOf(r), primary: null, replica: r });
      j += 1;
    }
  }
  return diffs;
}
