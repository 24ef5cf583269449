import { parse } from 'csv-parse/browser/esm/sync';
import type { DynamoItem, DynamoValue, KeyElement } from '@shared/models/dynamo';
import { plainToValue } from '@shared/models/dynamo-values';
import { parseJsonText } from '@shared/models/json-text';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
type ColumnType = 'S' | 'N' | 'B' | 'BOOL' | 'NULL' | 'JSON';
export type ReadLine = { line: number; item: DynamoItem } | { line: number; error: string };

// The same reading of a CSV file as the import itself does in the main process, so the preview and
// the check show what will be written: `name:TYPE` headers, untyped key columns take the key's type.
function column(cell: string, keys: KeyElement[]): { name: string; type: ColumnType } {
  const match = /^(.*):(S|N|B|BOOL|NULL|JSON)$/.exec(cell);
  if (match) return { name: match[1] ?? cell, type: match[2] as ColumnType };
  return { name: cell, type: keys.find((k) => k.name === cell)?.type ?? 'S' };
}

function value(cell: string, type: ColumnType): DynamoValue | undefined {
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
      return parsed.ok ? plainToValue(parsed.value) : { S: cell };
    }
  }
}

/**
 * Every data row of a CSV text as an item or an error, numbered from 1 after the header. A text the
 * CSV parser cannot read at all (an unclosed quote) is one error at the line it names.
 */
export function readCsvItems(text: string, keys: KeyElement[]): ReadLine[] {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, bom: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return [{ line: Math.max(1, line - 1), error: `Not valid CSV: ${(err as Error).message}` }];
  }
  const [header, ...rows] = records;
  if (!header) return [];
  const columns = header.map((cell) => column(cell, keys));
  return rows.map((record, i) => {
    const line = i + 1;
    try {
      const item: DynamoItem = {};
      record.forEach((cell, c) => {
        const col = columns[c];
        if (!col) throw new Error(`Column ${c + 1} has no header`);
        const v = value(cell, col.type);
        if (v) item[col.name] = v;
      });
      return { line, item };
    } catch (err) {
      return { line, error: err instanceof Error ? err.message : String(err) };
    }
  });
}
