import type { DynamoItem, DynamoValue } from '../../shared/models/dynamo';
import { formatPlainItem, plainToValue, valueToPlain } from '../../shared/models/dynamo-values';
import { formatJsonTree, parseJsonText } from '../../shared/models/json-text';
import type { FileFormat } from '../../shared/models/dynamo-schemas';

/** One exported line (JSON lines: plain JSON; DynamoDB JSON: the S3 export's `{"Item": ...}`). */
export function itemLine(item: DynamoItem, format: Exclude<FileFormat, 'csv'>): string {
  return format === 'jsonl' ? formatPlainItem(item, 0) : JSON.stringify({ Item: item });
}

/** CSV header types: one scalar type for the whole column, else JSON cells. */
export type CsvType = 'S' | 'N' | 'BOOL' | 'NULL' | 'JSON';

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

/** A CSV header cell `name:TYPE` back to its parts; an untyped name leaves the type to the caller. */
export function parseCsvHeader(cell: string): { name: string; type?: CsvType | 'B' } {
  const match = /^(.*):(S|N|B|BOOL|NULL|JSON)$/.exec(cell);
  return match ? { name: match[1] ?? cell, type: match[2] as CsvType } : { name: cell };
}

/** A CSV cell back to a value; an empty cell is an absent attribute. */
export function csvValue(cell: string, type: CsvType | 'B'): DynamoValue | undefined {
  if (cell === '') return undefined;
  switch (type) {
    case 'S':
      return { S: cell };
    case 'N':
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
