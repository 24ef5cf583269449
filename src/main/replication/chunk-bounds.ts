import type { Connection } from 'mysql2';
import { keyOrder, rangePredicate, rangesFromBounds, type KeyRange } from './key-range';
import { queryArrays } from './node-query';
import { quoteIdent, quoteTable, type TableName } from './sql-names';

/**
 * Cuts the table into key ranges of about `chunkRows` rows by walking the primary key (keyset: each
 * bound is the key `chunkRows` rows after the previous one). The first and last ranges are open, so
 * rows beyond the primary's ends (extra rows on a replica) still fall into a chunk.
 */
export async function chunkRanges(
  conn: Connection,
  table: TableName,
  keyColumns: string[],
  chunkRows: number,
  checkAborted: () => void,
): Promise<KeyRange[]> {
  const bounds: unknown[][] = [];
  const select = `SELECT ${keyColumns.map(quoteIdent).join(', ')} FROM ${quoteTable(table)}`;
  for (;;) {
    checkAborted();
    const where = rangePredicate(keyColumns, { lower: bounds.at(-1) ?? null, upper: null });
    const rows = await queryArrays(
      conn,
      `${select} WHERE ${where} ORDER BY ${keyOrder(keyColumns)} LIMIT 1 OFFSET ${chunkRows - 1}`,
    );
    const bound = rows[0];
    if (!bound) return rangesFromBounds(bounds);
    bounds.push(bound);
  }
}
