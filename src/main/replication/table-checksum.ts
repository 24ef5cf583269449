import type { Connection } from 'mysql2';
import { rangePredicate, type KeyRange } from './key-range';
import { queryArrays } from './node-query';
import { quoteIdent, quoteTable, type TableName } from './sql-names';
import type { TableShape } from './table-shape';

export interface RangeChecksum {
  rows: number;
  /** Two 64-bit XORs of the rows' MD5 halves, as decimal text. */
  crc: string;
}

const TEXT_TYPES = new Set(['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'enum', 'set']);

/**
 * One row as hashable text: every column (text columns in one character set, so mixed collations
 * cannot clash) joined with '#', plus a bitmap of which columns are NULL, since CONCAT_WS skips NULLs.
 */
export function rowExpression(shape: TableShape): string {
  const cells = shape.columns.map(({ name, dataType }) =>
    TEXT_TYPES.has(dataType) ? `CONVERT(${quoteIdent(name)} USING utf8mb4)` : quoteIdent(name),
  );
  const nulls = shape.columns.map(({ name }) => `ISNULL(${quoteIdent(name)})`);
  return `CONCAT_WS('#', ${cells.join(', ')}, CONCAT(${nulls.join(', ')}))`;
}

/**
 * COUNT and an order-independent checksum of a key range: the XOR of both 64-bit halves of each row's
 * MD5 (as pt-table-checksum does), so equal results mean equal rows with overwhelming probability.
 */
export function checksumSql(table: TableName, shape: TableShape, range: KeyRange): string {
  const where = rangePredicate(shape.keyColumns, range);
  const half = (from: number): string =>
    `COALESCE(CAST(BIT_XOR(CAST(CONV(SUBSTRING(h, ${from}, 16), 16, 10) AS UNSIGNED)) AS CHAR), '0')`;
  return `SELECT COUNT(*), ${half(1)}, ${half(17)}
      FROM (SELECT MD5(${rowExpression(shape)}) AS h FROM ${quoteTable(table)} WHERE ${where}) AS chunk`;
}

export async function checksumRange(
  conn: Connection,
  table: TableName,
  shape: TableShape,
  range: KeyRange,
): Promise<RangeChecksum> {
  const [row] = await queryArrays(conn, checksumSql(table, shape, range));
  return { rows: Number(row?.[0] ?? 0), crc: `${String(row?.[1])}:${String(row?.[2])}` };
}

export function sameChecksum(a: RangeChecksum, b: RangeChecksum): boolean {
  return a.rows === b.rows && a.crc === b.crc;
}
