import type { Cell, ColumnMeta } from '@shared/models/sql';
import { MONO_FONT, UI_FONT } from '@renderer/theme/theme';
import { measurer } from './measure-text';

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

const MIN_PX = 56;
const MAX_PX = 360;
const PADDING_PX = 16 + 2; // 8px each side, plus the border and a pixel of slack
const HEADER_GAP_PX = 6;
// Longer texts are cut before measuring: they hit MAX_PX anyway.
const MEASURE_CHARS = 64;

/**
 * A starting width per column from its header (name and type, as drawn in result-grid.module.css)
 * and the first rows, so short columns stay narrow and long text does not push everything off
 * screen. Sampling keeps this cheap on large results.
 */
export function columnWidth(column: ColumnMeta, rows: Cell[][], index: number, sample = 200): number {
  const name = measurer(`600 12px ${UI_FONT}`, 8.2)(column.name.slice(0, MEASURE_CHARS));
  const type = measurer(`10px ${UI_FONT}`, 6.8)(column.type) + column.type.length * 0.2;
  let widest = name + HEADER_GAP_PX + type;
  const cell = measurer(`12px ${MONO_FONT}`, 7.3);
  const end = Math.min(rows.length, sample);
  for (let r = 0; r < end; r++) {
    widest = Math.max(widest, cell(cellText(rows[r]?.[index] ?? null).slice(0, MEASURE_CHARS)));
  }
  return Math.ceil(Math.min(MAX_PX, Math.max(MIN_PX, widest + PADDING_PX)));
}
