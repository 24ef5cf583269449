import type { Connection } from 'mysql2';
import type { DifferingRange } from '../../shared/models/replication';
import { keyOrder, rangePredicate, type KeyRange } from './key-range';
import { cellText, queryArrays } from './node-query';
import { diffRows } from './row-diff';
import { quoteIdent, quoteTable, type TableName } from './sql-names';
import { checksumRange, sameChecksum, type RangeChecksum } from './table-checksum';
import type { TableShape } from './table-shape';

/** Ranges up to this many rows (on either side) are fetched and diffed row by row. */
export const ROW_LIMIT = 100;
/** Differing ranges reported per table and replica; past this the rest is reported without rows. */
export const RANGE_LIMIT = 50;

export interface NarrowContext {
  primary: Connection;
  replica: Connection;
  table: TableName;
  shape: TableShape;
  checkAborted: () => void;
  /** Ranges still allowed for this table and replica; decremented as ranges are reported. */
  budget: { ranges: number };
}

/**
 * Bisects a mismatching key range at the median key of its larger side until the pieces that still
 * differ hold at most ROW_LIMIT rows, then fetches those from both servers and diffs them by key.
 */
export async function narrowDifferences(
  ctx: NarrowContext,
  range: KeyRange,
  primarySum: RangeChecksum,
  replicaSum: RangeChecksum,
): Promise<DifferingRange[]> {
  ctx.checkAborted();
  const larger = Math.max(primarySum.rows, replicaSum.rows);
  if (ctx.budget.ranges <= 0 || larger <= ROW_LIMIT) {
    ctx.budget.ranges -= 1;
    return larger <= ROW_LIMIT
      ? leafRange(ctx, range, primarySum, replicaSum)
      : [coarseRange(range, primarySum, replicaSum)];
  }
  const side = primarySum.rows >= replicaSum.rows ? ctx.primary : ctx.replica;
  const where = rangePredicate(ctx.shape.keyColumns, range);
  const [mid] = await queryArrays(
    side,
    `SELECT ${ctx.shape.keyColumns.map(quoteIdent).join(', ')} FROM ${quoteTable(ctx.table)}
      WHERE ${where} ORDER BY ${keyOrder(ctx.shape.keyColumns)} LIMIT 1 OFFSET ${Math.floor((larger - 1) / 2)}`,
  );
  if (!mid) return [coarseRange(range, primarySum, replicaSum)];
  const found: DifferingRange[] = [];
  for (const half of [
    { lower: range.lower, upper: mid },
    { lower: mid, upper: range.upper },
  ]) {
    ctx.checkAborted();
    const p = await checksumRange(ctx.primary, ctx.table, ctx.shape, half);
    const r = await checksumRange(ctx.replica, ctx.table, ctx.shape, half);
    if (!sameChecksum(p, r)) found.push(...(await narrowDifferences(ctx, half, p, r)));
  }
  return found;
}

async function leafRange(
  ctx: NarrowContext,
  range: KeyRange,
  primarySum: RangeChecksum,
  replicaSum: RangeChecksum,
): Promise<DifferingRange[]> {
  const where = rangePredicate(ctx.shape.keyColumns, range);
  const columns = ctx.shape.columns.map((c) => c.name);
  const sql = `SELECT ${columns.map(quoteIdent).join(', ')} FROM ${quoteTable(ctx.table)}
    WHERE ${where} ORDER BY ${keyOrder(ctx.shape.keyColumns)}`;
  const primaryRows = await queryArrays(ctx.primary, sql);
  ctx.checkAborted();
  const replicaRows = await queryArrays(ctx.replica, sql);
  const keyIndexes = ctx.shape.keyColumns.map((key) => columns.indexOf(key));
  const diffs = diffRows(keyIndexes, primaryRows, replicaRows);
  // Equal rows with different checksums would mean the rows changed between the two reads.
  if (diffs.length === 0) return [];
  return [
    {
      lower: diffs[0]?.key ?? null,
      upper: diffs.at(-1)?.key ?? null,
      primaryRows: primarySum.rows,
      replicaRows: replicaSum.rows,
      rows: { columns, keyColumns: ctx.shape.keyColumns, diffs },
    },
  ];
}

/** A range reported without its rows (too many ranges already): its exclusive lower bound is shown as is. */
function coarseRange(range: KeyRange, primarySum: RangeChecksum, replicaSum: RangeChecksum): DifferingRange {
  const asText = (key: unknown[] | null): string[] | null => key && key.map((cell) => cellText(cell) ?? '');
  return {
    lower: asText(range.lower),
    upper: asText(range.upper),
    primaryRows: primarySum.rows,
    replicaRows: replicaSum.rows,
  };
}
