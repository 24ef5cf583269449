import { stringify } from 'csv-stringify/sync';
import type { ExportFormat } from '../../shared/models/export';
import type { Cell } from '../../shared/models/sql';
import { quoteName, sqlLiteral } from './table-edit-sql';

export interface ExportColumn {
  name: string;
  /** The SQL type name, e.g. BIGINT or VARCHAR (numbers are written bare in INSERTs). */
  type: string;
}

export interface RowWriter {
  header(): string;
  rows(batch: Cell[][]): string;
  footer(): string;
}

const INSERT_BATCH = 500;

function csvCell(cell: Cell): string | null {
  if (cell === null || typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  return `0x${Buffer.from(cell.$binary, 'base64').toString('hex')}`;
}

// RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted. NULL is an empty field,
// the empty string a quoted empty field, so the two stay apart (the CSV import reads them back so).
function csvWriter(columns: ExportColumn[]): RowWriter {
  const options = { record_delimiter: 'windows', quoted_match: /^$/ } as const;
  return {
    header: () => stringify([columns.map((c) => c.name)], options),
    rows: (batch) =>
      stringify(
        batch.map((row) => row.map(csvCell)),
        options,
      ),
    footer: () => '',
  };
}

/** Keys are the column names; a repeated name (a join's two `id`s) gets a number. */
export function uniqueNames(columns: ExportColumn[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    return n === 1 ? c.name : `${c.name}_${n}`;
  });
}

function jsonLinesWriter(columns: ExportColumn[]): RowWriter {
  const names = uniqueNames(columns);
  return {
    header: () => '',
    rows: (batch) =>
      batch
        .map((row) => JSON.stringify(Object.fromEntries(names.map((n, i) => [n, row[i] ?? null]))))
        .join('\n') + (batch.length > 0 ? '\n' : ''),
    footer: () => '',
  };
}

function insertWriter(columns: ExportColumn[], table: string): RowWriter {
  const typed = columns.map((c) => ({ dataType: c.type.toLowerCase() }));
  const head = `INSERT INTO ${quoteName(table)} (${columns.map((c) => quoteName(c.name)).join(', ')}) VALUES\n`;
  return {
    header: () => '',
    rows: (batch) => {
      let out = '';
      for (let i = 0; i < batch.length; i += INSERT_BATCH) {
        const values = batch
          .slice(i, i + INSERT_BATCH)
          .map((row) => `(${row.map((cell, j) => sqlLiteral(cell, typed[j])).join(', ')})`);
        out += `${head}${values.join(',\n')};\n`;
      }
      return out;
    },
    footer: () => '',
  };
}

export function rowWriter(format: ExportFormat, columns: ExportColumn[], table: string): RowWriter {
  if (format === 'csv') return csvWriter(columns);
  if (format === 'jsonl') return jsonLinesWriter(columns);
  return insertWriter(columns, table);
}
