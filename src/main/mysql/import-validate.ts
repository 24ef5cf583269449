import type { TableColumn } from '../../shared/models/table-edit';

const INT_BITS: Record<string, number> = {
  tinyint: 8,
  smallint: 16,
  mediumint: 24,
  int: 32,
  integer: 32,
  bigint: 64,
};
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?$/;
const TIME = /^-?\d{1,3}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?$/;
const TEXT = new Set(['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext']);
const BYTES = new Set(['binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob']);

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y === 0 && mo === 0 && d === 0) return true;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function listValues(columnType: string): string[] {
  const inner = /^(?:enum|set)\((.*)\)$/i.exec(columnType)?.[1] ?? '';
  return [...inner.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
}

function checkInteger(value: string, column: TableColumn): string | null {
  if (!/^[+-]?\d+$/.test(value)) return 'is not a whole number';
  const bits = INT_BITS[column.dataType] ?? 64;
  const unsigned = /unsigned/i.test(column.columnType);
  const n = BigInt(value);
  const min = unsigned ? 0n : -(2n ** BigInt(bits - 1));
  const max = unsigned ? 2n ** BigInt(bits) - 1n : 2n ** BigInt(bits - 1) - 1n;
  return n < min || n > max ? `is out of range for ${column.columnType}` : null;
}

function checkDecimal(value: string, column: TableColumn): string | null {
  const m = /^[+-]?(\d*)(?:\.(\d*))?$/.exec(value);
  if (!m || (m[1] === '' && !m[2])) return 'is not a number';
  const precision = column.numericPrecision ?? 65;
  const scale = column.numericScale ?? 0;
  const whole = m[1]!.replace(/^0+/, '').length;
  return whole > precision - scale ? `has too many digits for ${column.columnType}` : null;
}

/** Why a CSV value cannot go into the column, or null when it can. */
export function checkValue(value: string | null, column: TableColumn): string | null {
  if (value === null) return column.nullable || column.autoIncrement ? null : 'cannot be NULL (empty)';
  const t = column.dataType;
  if (t in INT_BITS) return checkInteger(value, column);
  if (t === 'decimal' || t === 'numeric') return checkDecimal(value, column);
  if (t === 'float' || t === 'double' || t === 'real') {
    return value.trim() !== '' && Number.isFinite(Number(value)) ? null : 'is not a number';
  }
  if (t === 'date') return validDate(value) ? null : 'is not a date (YYYY-MM-DD)';
  if (t === 'datetime' || t === 'timestamp') {
    const m = DATETIME.exec(value);
    if (!m || !validDate(m[1]!)) return 'is not a date and time (YYYY-MM-DD hh:mm:ss)';
    const [h, mi, s] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
    return h > 23 || mi > 59 || s > 59 ? 'is not a valid time of day' : null;
  }
  if (t === 'time') return TIME.test(value) ? null : 'is not a time (hh:mm:ss)';
  if (t === 'year') return /^\d{4}$/.test(value) ? null : 'is not a year';
  if (t === 'enum')
    return listValues(column.columnType).includes(value) ? null : `is not one of ${column.columnType}`;
  if (t === 'set') {
    const allowed = listValues(column.columnType);
    return value === '' || value.split(',').every((v) => allowed.includes(v))
      ? null
      : `is not in ${column.columnType}`;
  }
  if (t === 'json') {
    try {
      JSON.parse(value);
      return null;
    } catch {
      return 'is not valid JSON';
    }
  }
  if (column.maxLength !== null && TEXT.has(t) && [...value].length > column.maxLength) {
    return `is longer than ${column.maxLength} characters`;
  }
  if (column.maxLength !== null && BYTES.has(t) && Buffer.byteLength(value) > column.maxLength) {
    return `is longer than ${column.maxLength} bytes`;
  }
  return null;
}

/** The first reason the row cannot be imported, naming the column and value, or null. */
export function checkRow(
  fields: (string | null)[],
  width: number,
  targets: (TableColumn | null)[],
): string | null {
  if (fields.length !== width) return `has ${fields.length} fields, the header has ${width}`;
  for (let i = 0; i < width; i++) {
    const column = targets[i];
    if (!column) continue;
    const problem = checkValue(fields[i] ?? null, column);
    if (problem) {
      if (fields[i] === null) return `${column.name}: empty, but the column is NOT NULL`;
      return `${column.name}: ${JSON.stringify(truncate(fields[i]!))} ${problem}`;
    }
  }
  return null;
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
