import type { Cell, ColumnMeta } from '@shared/models/sql';

const NUMERIC_TYPES = new Set([
  'TINYINT',
  'SMALLINT',
  'MEDIUMINT',
  'INT',
  'INTEGER',
  'BIGINT',
  'DECIMAL',
  'NUMERIC',
  'FLOAT',
  'DOUBLE',
  'YEAR',
]);

/** BIGINT and DECIMAL arrive as strings, so alignment follows the column type, not the JS type. */
export function isNumericColumn(column: ColumnMeta): boolean {
  return NUMERIC_TYPES.has(column.type.toUpperCase());
}

export function binaryLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/** A one-line text for a cell, for width estimates and tooltips. Never HTML. */
export function cellText(value: Cell): string {
  if (value === null) return 'NULL';
  if (typeof value === 'object') return `binary (${binaryLength(value.$binary)} bytes)`;
  return String(value);
}

const CHAR_PX = 7.3; // 12px monospace advance, near enough for every bundled system font
const MIN_PX = 64;
const MAX_PX = 360;
const CELL_PADDING_PX = 18;

/** The header shows the name (12px bold UI font) and the type (10px) side by side. */
function headerWidth(column: ColumnMeta): number {
  return column.name.length * 7.6 + column.type.length * 6.6 + 6 + CELL_PADDING_PX;
}

/**
 * A starting width per column from its header and the first rows, so short columns stay narrow and
 * long text does not push everything off screen. Sampling keeps this cheap on large results.
 */
export function columnWidth(column: ColumnMeta, rows: Cell[][], index: number, sample = 200): number {
  let chars = 0;
  const end = Math.min(rows.length, sample);
  for (let r = 0; r < end; r++) {
    chars = Math.max(chars, cellText(rows[r]?.[index] ?? null).length);
  }
  const wanted = Math.max(headerWidth(column), chars * CHAR_PX + CELL_PADDING_PX);
  return Math.round(Math.min(MAX_PX, Math.max(MIN_PX, wanted)));
}
