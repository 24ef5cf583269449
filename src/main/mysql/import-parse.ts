import { parse } from 'csv-parse/sync';
import { AppError } from '../../shared/errors';
import { IMPORT_DELIMITERS, type ImportDelimiter } from '../../shared/models/import';
import type { TableColumn } from '../../shared/models/table-edit';

export interface ParsedCsv {
  delimiter: ImportDelimiter;
  columns: string[];
  records: { line: number; fields: (string | null)[] }[];
}

/** The candidate seen most often outside quotes on the first line wins; comma on a tie. */
export function detectDelimiter(text: string): ImportDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of text.slice(0, 64 * 1024)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: ImportDelimiter = ',';
  for (const d of IMPORT_DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Parses the whole file. An empty unquoted field and `\N` read as NULL, a quoted empty field as the
 * empty string (the way this app's CSV export writes them).
 */
export function parseCsv(text: string, header: boolean, delimiter: ImportDelimiter | 'auto'): ParsedCsv {
  const chosen = delimiter === 'auto' ? detectDelimiter(text) : delimiter;
  let parsed: { record: (string | null)[]; info: { lines: number } }[];
  try {
    parsed = parse(text.replace(/^\uFEFF/, ''), {
      delimiter: chosen,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      cast: (value, context) => ((value === '' && !context.quoting) || value === '\\N' ? null : value),
    }) as unknown as typeof parsed;
  } catch (err) {
    throw new AppError('INVALID_REQUEST', `The file is not valid CSV: ${(err as Error).message}`);
  }
  const records = parsed.map(({ record, info }) => {
    const breaks = record.reduce((n, f) => n + (f?.split('\n').length ?? 1) - 1, 0);
    return { line: info.lines - breaks, fields: record };
  });
  const width = Math.max(0, ...records.slice(0, 1).map((r) => r.fields.length));
  const first = header ? records.shift() : undefined;
  const columns = first
    ? first.fields.map((f, i) => (f ?? '').trim() || `Column ${i + 1}`)
    : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  return { delimiter: chosen, columns, records };
}

const normal = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Each CSV column to the writable table column of the same name (ignoring case, spaces, _ and -). */
export function proposeMapping(csvColumns: string[], columns: TableColumn[]): (string | null)[] {
  const used = new Set<string>();
  return csvColumns.map((name) => {
    const match = columns.find((c) => !c.generated && !used.has(c.name) && normal(c.name) === normal(name));
    if (!match) return null;
    used.add(match.name);
    return match.name;
  });
}
