import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { DynamoItem, KeyElement } from '../../shared/models/dynamo';
import type { FileFormat } from '../../shared/models/dynamo-schemas';
import { parseDynamoJson, parsePlainItem } from '../../shared/models/dynamo-values';
import { csvColumn, csvRecordItem, type CsvColumn } from '../../shared/models/dynamo-csv';

export type ReadItem = { line: number; item: DynamoItem } | { line: number; error: string };

/** Items of an import file, one at a time, each with its line; a line that does not parse is an error entry. */
export async function* readImportFile(
  path: string,
  format: FileFormat,
  keys: KeyElement[],
): AsyncGenerator<ReadItem> {
  if (format === 'csv') {
    yield* readCsv(path, keys);
    return;
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    const parsed = format === 'jsonl' ? parsePlainItem(text) : parseDynamoLine(text);
    yield parsed.ok ? { line, item: parsed.item } : { line, error: parsed.error.message };
  }
}

// The S3 export wraps each item as {"Item": {...}}; a bare DynamoDB JSON item is accepted too.
function parseDynamoLine(text: string): ReturnType<typeof parseDynamoJson> {
  const wrapped = /^\s*\{\s*"Item"\s*:/.test(text);
  if (!wrapped) return parseDynamoJson(text);
  const inner = text.slice(text.indexOf(':') + 1, text.lastIndexOf('}'));
  return parseDynamoJson(inner);
}

async function* readCsv(path: string, keys: KeyElement[]): AsyncGenerator<ReadItem> {
  const parser = createReadStream(path).pipe(parse({ relax_column_count: true, bom: true }));
  let header: CsvColumn[] | undefined;
  let line = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    if (!header) {
      header = record.map((cell) => csvColumn(cell, keys));
      continue;
    }
    line++;
    try {
      const item = csvRecordItem(record, header);
      yield { line, item };
    } catch (err) {
      yield { line, error: err instanceof Error ? err.message : String(err) };
    }
  }
}

/** Why an item cannot be written to a table with these keys, checked before anything is sent. */
export function invalidReason(item: DynamoItem, keys: KeyElement[]): string | undefined {
  for (const key of keys) {
    const value = item[key.name];
    if (!value) return `The key attribute ${key.name} is missing`;
    if (!(key.type in value)) return `The key attribute ${key.name} must be of type ${key.type}`;
    if (key.type === 'S' && 'S' in value && value.S === '') return `The key attribute ${key.name} is empty`;
  }
  // DynamoDB's limit is 400 KB of names and values; the JSON text is a close upper bound.
  if (JSON.stringify(item).length > 400 * 1024) return 'The item is larger than 400 KB';
  return undefined;
}
