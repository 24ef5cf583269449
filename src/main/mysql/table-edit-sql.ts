import mysql from 'mysql2';
import { AppError } from '../../shared/errors';
import type { Cell } from '../../shared/models/sql';
import type {
  EditStatement,
  RowEdit,
  RowValues,
  TableColumn,
  TableInfo,
} from '../../shared/models/table-edit';

const NUMERIC = new Set([
  'tinyint',
  'smallint',
  'mediumint',
  'int',
  'integer',
  'bigint',
  'decimal',
  'numeric',
]);
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
// Approximate or structured values do not compare reliably by their text: left out of the row check.
const NOT_COMPARED = new Set([
  'float',
  'double',
  'real',
  'json',
  'bit',
  'geometry',
  'point',
  'linestring',
  'polygon',
  'multipoint',
  'multilinestring',
  'multipolygon',
  'geometrycollection',
]);

export function quoteName(name: string): string {
  return mysql.escapeId(name, true);
}

export function qualifiedName(info: Pick<TableInfo, 'database' | 'table'>): string {
  return `${quoteName(info.database)}.${quoteName(info.table)}`;
}

/** A value as a SQL literal: escaped string, bare number for numeric columns, X'..' for binary. */
export function sqlLiteral(value: Cell, column?: Pick<TableColumn, 'dataType'>): string {
  if (value === null) return 'NULL';
  if (typeof value === 'object') return `X'${Buffer.from(value.$binary, 'base64').toString('hex')}'`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new AppError('INVALID_REQUEST', `Not a number: ${value}`);
    return String(value);
  }
  if (column && NUMERIC.has(column.dataType) && NUMBER_TEXT.test(value)) return value;
  return mysql.escape(value);
}

function columnOf(info: TableInfo, name: string): TableColumn {
  const column = info.columns.find((c) => c.name === name);
  if (!column)
    throw new AppError('INVALID_REQUEST', `Column ${name} is not in ${info.database}.${info.table}.`);
  return column;
}

function writable(info: TableInfo, name: string): TableColumn {
  const column = columnOf(info, name);
  if (column.generated)
    throw new AppError('INVALID_REQUEST', `Column ${name} is generated and cannot be set.`);
  return column;
}

/** `id=3, region='eu'`: how a row is named in messages. */
export function rowLabel(info: TableInfo, original: RowValues): string {
  return info.primaryKey.map((k) => `${k}=${sqlLiteral(original[k] ?? null)}`).join(', ');
}

/** The key columns, then every other column the row is compared on, against the row as loaded. */
function whereClause(info: TableInfo, original: RowValues): string {
  const parts: string[] = [];
  for (const key of info.primaryKey) {
    if (!(key in original)) throw new AppError('INVALID_REQUEST', `The row has no value for its key ${key}.`);
    parts.push(`${quoteName(key)} = ${sqlLiteral(original[key] ?? null, columnOf(info, key))}`);
  }
  for (const column of info.columns) {
    if (column.primaryKey || column.generated || NOT_COMPARED.has(column.dataType)) continue;
    if (!(column.name in original)) continue;
    parts.push(`${quoteName(column.name)} <=> ${sqlLiteral(original[column.name] ?? null, column)}`);
  }
  return parts.join(' AND ');
}

function statementFor(info: TableInfo, edit: RowEdit): string {
  const table = qualifiedName(info);
  if (edit.kind === 'insert') {
    const names = Object.keys(edit.values);
    const cols = names.map((n) => quoteName(writable(info, n).name)).join(', ');
    const values = names.map((n) => sqlLiteral(edit.values[n] ?? null, columnOf(info, n))).join(', ');
    return `INSERT INTO ${table} (${cols}) VALUES (${values})`;
  }
  if (edit.kind === 'delete') return `DELETE FROM ${table} WHERE ${whereClause(info, edit.original)} LIMIT 1`;
  const names = Object.keys(edit.changes);
  if (names.length === 0) throw new AppError('INVALID_REQUEST', 'An update changes no column.');
  const sets = names
    .map(
      (n) =>
        `${quoteName(writable(info, n).name)} = ${sqlLiteral(edit.changes[n] ?? null, columnOf(info, n))}`,
    )
    .join(', ');
  return `UPDATE ${table} SET ${sets} WHERE ${whereClause(info, edit.original)} LIMIT 1`;
}

/** The exact statements `applyEdits` runs, in order (deletes, then updates, then inserts). */
export function editStatements(info: TableInfo, edits: RowEdit[]): EditStatement[] {
  if (info.readOnlyReason) throw new AppError('INVALID_REQUEST', info.readOnlyReason);
  const order = { delete: 0, update: 1, insert: 2 } as const;
  return edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => order[a.edit.kind] - order[b.edit.kind] || a.index - b.index)
    .map(({ edit, index }) => ({ index, sql: statementFor(info, edit) }));
}
