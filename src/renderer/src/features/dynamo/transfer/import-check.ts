import type { DynamoItem, KeyElement } from '@shared/models/dynamo';
import type { FileFormat } from '@shared/models/dynamo-schemas';
import { parseDynamoJson, parsePlainItem } from '@shared/models/dynamo-values';
import { readCsvItems, type ReadLine } from './csv-items';

export interface LineProblem {
  line: number;
  reason: string;
}

/** What a file will import as, checked before anything is written. */
export interface ImportCheck {
  /** Items (lines or data rows with content). */
  total: number;
  /** The first items, for the preview; `problem` when the item cannot be written. */
  preview: { line: number; item: DynamoItem; problem?: string }[];
  /** Lines that do not parse: the file has to be fixed before the import can start. */
  malformed: LineProblem[];
  malformedCount: number;
  /** Items that parse but cannot be written (a missing key): the import reports them as rejected. */
  keyProblems: LineProblem[];
  keyProblemCount: number;
  /** A hint when the whole file looks like one JSON document rather than one item per line. */
  hint?: string;
}

const PREVIEW_ITEMS = 5;
const LISTED_PROBLEMS = 50;

// The line's own position only: each line is parsed alone, so "line 1" would mislead.
const onLine = (message: string): string => message.replace(/ \(line 1, column (\d+)\)$/, ' (column $1)');

function readJsonLines(text: string, format: Exclude<FileFormat, 'csv'>): ReadLine[] {
  const out: ReadLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const parsed = format === 'jsonl' ? parsePlainItem(line) : parseDynamoLine(line);
    out.push(
      parsed.ok ? { line: i + 1, item: parsed.item } : { line: i + 1, error: onLine(parsed.error.message) },
    );
  });
  return out;
}

// The S3 export wraps each item as {"Item": {...}}; a bare DynamoDB JSON item is accepted too.
function parseDynamoLine(text: string): ReturnType<typeof parseDynamoJson> {
  if (!/^\s*\{\s*"Item"\s*:/.test(text)) return parseDynamoJson(text);
  return parseDynamoJson(text.slice(text.indexOf(':') + 1, text.lastIndexOf('}')));
}

/** Why the table would refuse this item before it is sent, as the import checks it. */
export function keyProblem(item: DynamoItem, keys: KeyElement[]): string | undefined {
  for (const key of keys) {
    const value = item[key.name];
    if (!value) return `The key attribute ${key.name} is missing`;
    if (!(key.type in value)) return `The key attribute ${key.name} must be of type ${key.type}`;
    if ('S' in value && key.type === 'S' && value.S === '') return `The key attribute ${key.name} is empty`;
  }
  return undefined;
}

/** Reads the whole text as the import will, and says what it would write and what it cannot. */
export function checkImport(text: string, format: FileFormat, keys: KeyElement[]): ImportCheck {
  const lines = format === 'csv' ? readCsvItems(text, keys) : readJsonLines(text, format);
  const check: ImportCheck = {
    total: lines.length,
    preview: [],
    malformed: [],
    malformedCount: 0,
    keyProblems: [],
    keyProblemCount: 0,
  };
  for (const read of lines) {
    if ('error' in read) {
      check.malformedCount++;
      if (check.malformed.length < LISTED_PROBLEMS)
        check.malformed.push({ line: read.line, reason: read.error });
      continue;
    }
    const reason = keyProblem(read.item, keys);
    if (check.preview.length < PREVIEW_ITEMS)
      check.preview.push(reason ? { ...read, problem: reason } : read);
    if (!reason) continue;
    check.keyProblemCount++;
    if (check.keyProblems.length < LISTED_PROBLEMS) check.keyProblems.push({ line: read.line, reason });
  }
  const first = text.trimStart()[0];
  if (format !== 'csv' && check.malformedCount > 0 && /^\s*[[{]\s*(\r?\n|$)/.test(text))
    check.hint = `The file starts with a lone "${first}": it looks like one JSON document over several lines. The import reads one item per line; write each item on a line of its own.`;
  return check;
}
