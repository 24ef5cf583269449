import { parse } from 'csv-parse/browser/esm/sync';
import type { DynamoItem, KeyElement } from '@shared/models/dynamo';
import { csvColumn, csvRecordItem } from '@shared/models/dynamo-csv';

export type ReadLine = { line: number; item: DynamoItem } | { line: number; error: string };

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
  // The import's own reading (shared with the main process), so the check shows what will be written.
  const columns = header.map((cell) => csvColumn(cell, keys));
  return rows.map((record, i) => {
    const line = i + 1;
    try {
      return { line, item: csvRecordItem(record, columns) };
    } catch (err) {
      return { line, error: err instanceof Error ? err.message : String(err) };
    }
  });
}
