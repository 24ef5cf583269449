import type { TableInfo } from './table-edit';

export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
export const IMPORT_DELIMITERS = [',', ';', '\t', '|'] as const;
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];

export interface ImportPreview {
  table: TableInfo;
  delimiter: ImportDelimiter;
  /** The header's names, or `Column 1…` without a header row. */
  csvColumns: string[];
  /** The first rows; null is an empty unquoted field (NULL), "" a quoted empty one. */
  rows: (string | null)[][];
  totalRows: number;
  /** For each CSV column, the table column it goes to (proposed by name), or null to skip it. */
  mapping: (string | null)[];
}

export interface RejectedRow {
  /** The line of the file the row starts on (1-based, the header included). */
  line: number;
  reason: string;
}

export type ImportAnswer =
  | { status: 'rejected'; validRows: number; rejectedCount: number; rejected: RejectedRow[] }
  | { status: 'started'; importId: string; total: number };
