import type { Cell, ColumnMeta } from '@shared/models/sql';
import { isNumericColumn } from './cell-format';

export type CopyFormat = 'tsv' | 'json' | 'insert';

function base64ToHex(base64: string): string {
  const bytes = atob(base64);
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += bytes.charCodeAt(i).toString(16).padStart(2, '0');
  return hex;
}

/** TSV as spreadsheets paste it: NULL as `NULL`, tabs and newlines escaped so rows stay rows. */
function tsvCell(cell: Cell): string {
  if (cell === null) return 'NULL';
  if (typeof cell === 'object') return `0x${base64ToHex(cell.$binary)}`;
  return String(cell)
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n');
}

function jsonCell(cell: Cell, column: ColumnMeta): unknown {
  if (cell === null) return null;
  if (typeof cell === 'object') return `0x${base64ToHex(cell.$binary)}`;
  if (column.type === 'JSON' && typeof cell === 'string') {
    try {
      return JSON.parse(cell);
    } catch {
      return cell;
    }
  }
  return cell;
}

const quoteIdentifier = (name: string): string => `\`${name.replace(/`/g, '``')}\``;

/** A SQL literal in MySQL syntax. */
export function sqlLiteral(cell: Cell, column: ColumnMeta): string {
  if (cell === null) return 'NULL';
  if (typeof cell === 'object') return `X'${base64ToHex(cell.$binary)}'`;
  if (typeof cell === 'number' || (isNumericColumn(column) && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell))) {
    return String(cell);
  }
  const escaped = cell
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "''")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\0/g, '\\0');
  return `'${escaped}'`;
}

/** The table INSERTs name: the source table when every column comes from the same one. */
function insertTarget(columns: ColumnMeta[]): string {
  const tables = new Set(columns.map((c) => (c.table ? `${c.database ?? ''}.${c.table}` : '')));
  const only = columns[0];
  if (tables.size !== 1 || !only?.table) return quoteIdentifier('table_name');
  return only.database
    ? `${quoteIdentifier(only.database)}.${quoteIdentifier(only.table)}`
    : quoteIdentifier(only.table);
}

/** Rows as text for the clipboard. */
export function formatRows(format: CopyFormat, columns: ColumnMeta[], rows: Cell[][]): string {
  if (format === 'tsv') {
    const header = columns.map((c) => tsvCell(c.name)).join('\t');
    return [header, ...rows.map((row) => columns.map((_, i) => tsvCell(row[i] ?? null)).join('\t'))].join(
      '\n',
    );
  }
  if (format === 'json') {
    const objects = rows.map((row) =>
      Object.fromEntries(columns.map((c, i) => [c.name, jsonCell(row[i] ?? null, c)])),
    );
    return JSON.stringify(objects, null, 2);
  }
  const target = insertTarget(columns);
  const names = columns.map((c) => quoteIdentifier(c.orgName ?? c.name)).join(', ');
  return rows
    .map(
      (row) =>
        `INSERT INTO ${target} (${names}) VALUES (${columns.map((c, i) => sqlLiteral(row[i] ?? null, c)).join(', ')});`,
    )
    .join('\n');
}
