import type { TableColumn } from '@shared/models/table-edit';

const INTEGER = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint', 'year']);
const DECIMAL = new Set(['decimal', 'numeric', 'float', 'double', 'real']);

/** A hint for typing into a column, shown as the input's placeholder. */
export function inputHint(column: TableColumn): string {
  if (INTEGER.has(column.dataType)) return 'whole number';
  if (DECIMAL.has(column.dataType)) return 'number';
  if (column.dataType === 'date') return 'YYYY-MM-DD';
  if (column.dataType === 'datetime' || column.dataType === 'timestamp') return 'YYYY-MM-DD hh:mm:ss';
  if (column.dataType === 'time') return 'hh:mm:ss';
  if (column.maxLength !== null) return `up to ${column.maxLength} characters`;
  return column.columnType;
}

/** Why the text cannot go into the column, or null. The server has the last word when applying. */
export function inputProblem(column: TableColumn, text: string): string | null {
  if (INTEGER.has(column.dataType) && !/^[+-]?\d+$/.test(text)) return 'Enter a whole number';
  if (DECIMAL.has(column.dataType) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text))
    return 'Enter a number';
  if (column.dataType === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'Enter a date as YYYY-MM-DD';
  if (
    (column.dataType === 'datetime' || column.dataType === 'timestamp') &&
    !/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$/.test(text)
  ) {
    return 'Enter a date and time as YYYY-MM-DD hh:mm:ss';
  }
  if (
    column.maxLength !== null &&
    ['char', 'varchar'].includes(column.dataType) &&
    [...text].length > column.maxLength
  ) {
    return `At most ${column.maxLength} characters`;
  }
  if (column.dataType === 'enum') {
    const allowed = [...column.columnType.matchAll(/'((?:[^']|'')*)'/g)].map((m) =>
      m[1]!.replace(/''/g, "'"),
    );
    if (!allowed.includes(text)) return `One of: ${allowed.join(', ')}`;
  }
  return null;
}

export function isBinary(column: TableColumn): boolean {
  return /binary|blob|^bit$|geometry|point|polygon|linestring/.test(column.dataType);
}
