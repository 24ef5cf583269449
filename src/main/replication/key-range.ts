import { sqlLiteral } from './sql-literal';
import { quoteIdent } from './sql-names';

/** A primary-key range: rows with lower < key <= upper (row order); null is an open end. */
export interface KeyRange {
  lower: unknown[] | null;
  upper: unknown[] | null;
}

/**
 * `(k1, k2, ...) > (v1, v2, ...)` (or `<=`) spelled out as ORs of prefix equalities, which every
 * MySQL and MariaDB version turns into index ranges (row constructors are not always optimized).
 * Primary-key columns are never NULL, so plain comparisons are exact. Key values are written as
 * literals that no sql_mode reads differently (see sqlLiteral), not as `?` placeholders.
 */
export function keyCompare(keyColumns: string[], op: '>' | '<=', key: unknown[]): string {
  if (key.length !== keyColumns.length) throw new Error('key and key columns differ in length');
  const strict = op === '>' ? '>' : '<';
  const equal = (i: number): string => `${quoteIdent(keyColumns[i] as string)} = ${sqlLiteral(key[i])}`;
  const branches = keyColumns.map((column, i) => {
    const parts = keyColumns.slice(0, i).map((_, j) => equal(j));
    parts.push(`${quoteIdent(column)} ${strict} ${sqlLiteral(key[i])}`);
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
  });
  if (op === '<=') branches.push(`(${keyColumns.map((_, i) => equal(i)).join(' AND ')})`);
  return branches.length === 1 ? (branches[0] as string) : `(${branches.join(' OR ')})`;
}

/** The WHERE condition of a range (`1 = 1` when both ends are open). */
export function rangePredicate(keyColumns: string[], range: KeyRange): string {
  const parts: string[] = [];
  if (range.lower) parts.push(keyCompare(keyColumns, '>', range.lower));
  if (range.upper) parts.push(keyCompare(keyColumns, '<=', range.upper));
  return parts.length === 0 ? '1 = 1' : parts.join(' AND ');
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
