import { quoteIdent } from './sql-names';

/** A primary-key range: rows with lower < key <= upper (row order); null is an open end. */
export interface KeyRange {
  lower: unknown[] | null;
  upper: unknown[] | null;
}

export interface SqlPart {
  sql: string;
  values: unknown[];
}

/**
 * `(k1, k2, ...) > (v1, v2, ...)` (or `<=`) spelled out as ORs of prefix equalities, which every
 * MySQL and MariaDB version turns into index ranges (row constructors are not always optimized).
 * Primary-key columns are never NULL, so plain comparisons are exact.
 */
export function keyCompare(keyColumns: string[], op: '>' | '<=', key: unknown[]): SqlPart {
  if (key.length !== keyColumns.length) throw new Error('key and key columns differ in length');
  const strict = op === '>' ? '>' : '<';
  const branches: string[] = [];
  const values: unknown[] = [];
  keyColumns.forEach((column, i) => {
    const parts = keyColumns.slice(0, i).map((prefix) => `${quoteIdent(prefix)} = ?`);
    parts.push(`${quoteIdent(column)} ${strict} ?`);
    branches.push(parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`);
    values.push(...key.slice(0, i + 1));
  });
  if (op === '<=') {
    branches.push(`(${keyColumns.map((column) => `${quoteIdent(column)} = ?`).join(' AND ')})`);
    values.push(...key);
  }
  return { sql: branches.length === 1 ? (branches[0] as string) : `(${branches.join(' OR ')})`, values };
}

/** The WHERE condition of a range (`1 = 1` when both ends are open). */
export function rangePredicate(keyColumns: string[], range: KeyRange): SqlPart {
  const parts: SqlPart[] = [];
  if (range.lower) parts.push(keyCompare(keyColumns, '>', range.lower));
  if (range.upper) parts.push(keyCompare(keyColumns, '<=', range.upper));
  if (parts.length === 0) return { sql: '1 = 1', values: [] };
  return { sql: parts.map((p) => p.sql).join(' AND '), values: parts.flatMap((p) => p.values) };
}

/** `ORDER BY` over the key columns (optionally descending). */
export function keyOrder(keyColumns: string[], direction: 'ASC' | 'DESC' = 'ASC'): string {
  return keyColumns.map((column) => `${quoteIdent(column)} ${direction}`).join(', ');
}

/** Splits sorted chunk upper bounds into ranges: (-inf, b1], (b1, b2], ..., (bn, +inf). */
export function rangesFromBounds(bounds: unknown[][]): KeyRange[] {
  const ranges: KeyRange[] = [];
  let lower: unknown[] | null = null;
  for (const bound of bounds) {
    ranges.push({ lower, upper: bound });
    lower = bound;
  }
  ranges.push({ lower, upper: null });
  return ranges;
}
