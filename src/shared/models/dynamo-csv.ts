import type { DynamoItem, DynamoValue, KeyElement } from './dynamo';
import { plainToValue, valueToPlain } from './dynamo-values';
import { formatJsonTree, parseJsonText } from './json-text';

/*
 * DynamoDB items as CSV, one reading for the main process's import and export and the renderer's
 * preview and check, so the preview shows what will be written: `name:TYPE` headers, untyped key
 * columns take the key's type, the rest are strings.
 */

/** CSV header types: one scalar type for the whole column, else JSON cells. */
export type CsvType = 'S' | 'N' | 'BOOL' | 'NULL' | 'JSON';
export interface CsvColumn {
  name: string;
  type: CsvType | 'B';
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function csvTypeOf(value: DynamoValue): CsvType {
  if ('S' in value) return 'S';
  if ('N' in value) return 'N';
  if ('BOOL' in value) return 'BOOL';
  if ('NULL' in value) return 'NULL';
  return 'JSON';
}

/** A CSV cell: strings and numbers as written, booleans as true/false, the rest as plain JSON. */
export function csvCell(value: DynamoValue | undefined): string {
  if (value === undefined || 'NULL' in value) return '';
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('BOOL' in value) return String(value.BOOL);
  return formatJsonTree(valueToPlain(value), 0);
}

/** A header cell `name:TYPE`; an untyped key column takes the key's type, any other is a string. */
export function csvColumn(cell: string, keys: readonly KeyElement[]): CsvColumn {
  const match = /^(.*):(S|N|B|BOOL|NULL|JSON)$/.exec(cell);
  if (match) return { name: match[1] ?? cell, type: match[2] as CsvType | 'B' };
  return { name: cell, type: keys.find((k) => k.name === cell)?.type ?? 'S' };
}

/** A CSV cell back to a value; an empty cell is an absent attribute. */
export function csvValue(cell: string, type: CsvType | 'B'): DynamoValue | undefined {
  if (cell === '') return undefined;
  switch (type) {
    case 'S':
      return { S: cell };
    case 'N':
      if (!NUMBER.test(cell.trim())) throw new Error(`"${cell}" is not a number`);
      return { N: cell.trim() };
    case 'B':
      return { B: cell.trim() };
    case 'BOOL':
      if (cell !== 'true' && cell !== 'false') throw new Error(`"${cell}" is not true or false`);
      return { BOOL: cell === 'true' };
    case 'NULL':
      return { NULL: true };
    case 'JSON': {
      const parsed = parseJsonText(cell);
      // A column of mixed types keeps its strings as written, so text that is not JSON is a string.
      return parsed.ok ? plainToValue(parsed.value) : { S: cell };
    }
  }
}

/** One data row as an item; throws with the reason when a cell cannot be read. */
export function csvRecordItem(record: readonly string[], columns: readonly CsvColumn[]): DynamoItem {
  const item: DynamoItem = {};
  record.forEach((cell, c) => {
    const column = columns[c];
    if (!column) throw new Error(`Column ${c + 1} has no header`);
    const value = csvValue(cell, column.type);
    if (value) item[column.name] = value;
  });
  return item;
}
