import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Cell, ColumnMeta } from '../../shared/models/sql';

export interface RowSort {
  column: number;
  desc?: boolean;
}

/** The row numbers a sort/filter selects, in view order, over the first `rowCount` stored rows. */
export interface RowView {
  ids: Uint32Array;
  rowCount: number;
}

const NUMERIC = /^(TINYINT|SMALLINT|MEDIUMINT|INT|INTEGER|BIGINT|DECIMAL|NUMERIC|FLOAT|DOUBLE|YEAR)$/;

type Key = string | number | null;

function sortKey(cell: Cell | undefined, numeric: boolean): Key {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'object') return cell.$binary;
  if (numeric) return typeof cell === 'number' ? cell : Number(cell);
  return String(cell);
}

/** Case-insensitive substring over the row's text; NULL and binary cells have no text to match. */
function rowMatches(row: Cell[], needle: string): boolean {
  for (const cell of row) {
    if (cell === null || typeof cell === 'object') continue;
    if (String(cell).toLowerCase().includes(needle)) return true;
  }
  return false;
}

function compareKeys(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === null) return -1; // NULL first, as MySQL sorts ascending
  if (b === null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds the permutation for a sort and filter in one pass over the stored rows, keeping only the
 * sort keys (not the rows), and yielding to the event loop between chunks so other calls still run.
 */
export async function buildRowView(
  columns: ColumnMeta[],
  chunks: AsyncIterable<{ firstRow: number; rows: Cell[][] }>,
  rowCount: number,
  sort: RowSort[],
  filter: string,
): Promise<RowView> {
  const needle = filter.toLowerCase();
  const numeric = sort.map((s) => NUMERIC.test(columns[s.column]?.type.toUpperCase() ?? ''));
  const ids: number[] = [];
  const keys: Key[][] = sort.map(() => []);
  let seen = 0;
  for await (const { firstRow, rows } of chunks) {
    for (let r = 0; r < rows.length && firstRow + r < rowCount; r++) {
      const row = rows[r]!;
      seen = Math.max(seen, firstRow + r + 1);
      if (needle && !rowMatches(row, needle)) continue;
      ids.push(firstRow + r);
      sort.forEach((s, k) => keys[k]!.push(sortKey(row[s.column], numeric[k]!)));
    }
    await yieldToLoop();
  }
  const order = new Uint32Array(ids.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (sort.length > 0) {
    order.sort((a, b) => {
      for (let k = 0; k < sort.length; k++) {
        const c = compareKeys(keys[k]![a]!, keys[k]![b]!);
        if (c !== 0) return sort[k]!.desc ? -c : c;
      }
      return a - b; // stable: equal keys keep the stored order
    });
  }
  const result = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) result[i] = ids[order[i]!]!;
  return { ids: result, rowCount: seen };
}
