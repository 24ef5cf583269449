import type { ColumnMeta } from './sql';

export type ExportFormat = 'csv' | 'jsonl' | 'sql';

export const EXPORT_FORMATS: { value: ExportFormat; label: string; extension: string }[] = [
  { value: 'csv', label: 'CSV', extension: 'csv' },
  { value: 'jsonl', label: 'JSON lines', extension: 'jsonl' },
  { value: 'sql', label: 'SQL INSERT statements', extension: 'sql' },
];

/** What to export: a whole table, a statement run again without a row limit, or a stored result. */
export type ExportSource =
  | { kind: 'table'; profileId: string; database: string; table: string }
  | { kind: 'query'; profileId: string; database?: string | null; sql: string }
  | { kind: 'result'; resultId: string; columns: Pick<ColumnMeta, 'name' | 'type' | 'table'>[] };

/** Sent while an export runs and once at the end (`done`), with the file's place or the error. */
export interface ExportProgress {
  exportId: string;
  rows: number;
  bytes: number;
  done: boolean;
  cancelled?: boolean;
  error?: { code: string; message: string };
  fileName: string;
  /** Electron: where the file was saved. */
  path?: string;
  /** Browser mode: a one-time address the page downloads the file from. */
  downloadUrl?: string;
}

/** Sent while an import runs and once at the end. Cancel and errors roll everything back. */
export interface ImportProgress {
  importId: string;
  rows: number;
  total: number;
  done: boolean;
  cancelled?: boolean;
  error?: { code: string; message: string };
}
