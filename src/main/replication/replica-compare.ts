import type { Connection } from 'mysql2';
import type { DifferingRange, TableCheckResult } from '../../shared/models/replication';
import type { KeyRange } from './key-range';
import { narrowDifferences, RANGE_LIMIT } from './narrow-differences';
import type { TableName } from './sql-names';
import { checksumRange, sameChecksum, type RangeChecksum } from './table-checksum';
import type { TableShape } from './table-shape';

export interface ReplicaCompareInput {
  primary: Connection;
  replica: Connection;
  table: TableName;
  shape: TableShape;
  chunks: KeyRange[];
  primarySums: RangeChecksum[];
  checkAborted: () => void;
  onChunk: () => void;
  onNarrowing: () => void;
}

type Outcome = Pick<TableCheckResult, 'verdict' | 'detail' | 'rowsReplica' | 'differing'>;

/**
 * Checksums every chunk on a replica that has reached the primary's position. A differing chunk is
 * read again on both sides once: if the primary's own checksum moved, rows changed during the check
 * (`changed`); if the two still differ, the chunk is narrowed down to the differing rows.
 */
export async function compareOnReplica(input: ReplicaCompareInput): Promise<Outcome> {
  const { primary, replica, table, shape, checkAborted } = input;
  const mismatched: { range: KeyRange; primary: RangeChecksum; replica: RangeChecksum }[] = [];
  let changed = 0;
  let rowsReplica = 0;
  for (const [i, range] of input.chunks.entries()) {
    checkAborted();
    const first = input.primarySums[i] as RangeChecksum;
    const sum = await checksumRange(replica, table, shape, range);
    rowsReplica += sum.rows;
    if (!sameChecksum(first, sum)) {
      checkAborted();
      const again = await checksumRange(primary, table, shape, range);
      if (!sameChecksum(first, again)) {
        changed += 1;
      } else {
        const replicaAgain = await checksumRange(replica, table, shape, range);
        if (!sameChecksum(again, replicaAgain))
          mismatched.push({ range, primary: again, replica: replicaAgain });
      }
    }
    input.onChunk();
  }
  const differing: DifferingRange[] = [];
  if (mismatched.length > 0) input.onNarrowing();
  const budget = { ranges: RANGE_LIMIT };
  for (const chunk of mismatched) {
    const ctx = { primary, replica, table, shape, checkAborted, budget };
    differing.push(...(await narrowDifferences(ctx, chunk.range, chunk.primary, chunk.replica)));
  }
  const rows = differing.reduce((sum, range) => sum + (range.rows?.diffs.length ?? 0), 0);
  const changedText = changed > 0 ? `${changed} chunk(s) changed on the primary during the check` : '';
  if (mismatched.length > 0) {
    const detail = `${rows} differing row(s) in ${differing.length} range(s)`;
    return {
      verdict: 'mismatch',
      detail: [detail, changedText].filter(Boolean).join('; '),
      rowsReplica,
      differing,
    };
  }
  if (changed > 0) return { verdict: 'changed', detail: changedText, rowsReplica, differing };
  return { verdict: 'match', detail: '', rowsReplica, differing };
}
