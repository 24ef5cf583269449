import { z } from 'zod';
import type { ExplainResult } from './models/explain';
import type { ExportProgress, ImportProgress } from './models/export';
import { IMPORT_DELIMITERS, IMPORT_MAX_BYTES, type ImportAnswer, type ImportPreview } from './models/import';
import { profileIdSchema } from './models/profile';
import type { ApplyEditsResult, EditPreview, TableInfo, TableRowsPage } from './models/table-edit';

/** Table editing, EXPLAIN, export and import (issue 6, parts 6–8): spread into the contract. */
const name = z.string().min(1).max(64);
const tableRef = { profileId: profileIdSchema, database: name, table: name };
const cell = z.union([z.string(), z.number(), z.null(), z.object({ $binary: z.string() }).strict()]);
const rowValues = z.record(z.string().min(1).max(64), cell);
const rowEdit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('update'), original: rowValues, changes: rowValues }).strict(),
  z.object({ kind: z.literal('insert'), values: rowValues }).strict(),
  z.object({ kind: z.literal('delete'), original: rowValues }).strict(),
]);
const edits = z
  .object({ ...tableRef, edits: z.array(rowEdit).min(1, 'Nothing to apply').max(10_000) })
  .strict();
const exportSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('table'), ...tableRef }).strict(),
  z
    .object({
      kind: z.literal('query'),
      profileId: profileIdSchema,
      database: name.nullable().optional(),
      sql: z.string().min(1).max(4_000_000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('result'),
      resultId: z.string().min(1).max(64),
      columns: z
        .array(
          z.object({
            name: z.string().max(256),
            type: z.string().max(64),
            table: z.string().max(64).optional(),
          }),
        )
        .min(1)
        .max(4096),
    })
    .strict(),
]);
const importTarget = {
  ...tableRef,
  text: z.string().max(IMPORT_MAX_BYTES, 'The file is larger than 50 MB'),
  header: z.boolean(),
  delimiter: z.enum(['auto', ...IMPORT_DELIMITERS]),
};

export const sqlTableRequestSchemas = {
  /** Columns, primary key and whether the table can be edited (and why not). */
  'sql.tableInfo': z.object(tableRef).strict(),
  /** A page of the table's rows in primary-key order. */
  'sql.tableRows': z
    .object({ ...tableRef, offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000) })
    .strict(),
  /** The exact statements `sql.applyEdits` would run. */
  'sql.previewEdits': edits,
  /** Runs the edits in one transaction; a row changed or deleted meanwhile fails with CONFLICT. */
  'sql.applyEdits': edits,
  /** The plan as a tree; `analyze` runs the statement (SELECT only). */
  'sql.explain': z
    .object({
      profileId: profileIdSchema,
      database: name.nullable().optional(),
      sql: z.string().min(1, 'Nothing to explain').max(1_000_000),
      analyze: z.boolean().optional(),
    })
    .strict(),
  /** Starts an export (a save dialog first in Electron); `exportId` null when the user cancelled it. */
  'sql.export': z.object({ source: exportSource, format: z.enum(['csv', 'jsonl', 'sql']) }).strict(),
  'sql.cancelExport': z.object({ exportId: z.string().min(1).max(64) }).strict(),
  'sql.importPreview': z.object(importTarget).strict(),
  /** Validates every row; imports only when none is rejected or `confirmed` is true. */
  'sql.importCsv': z
    .object({
      ...importTarget,
      mapping: z.array(name.nullable()).max(4096),
      confirmed: z.boolean(),
    })
    .strict(),
  'sql.cancelImport': z.object({ importId: z.string().min(1).max(64) }).strict(),
};

export interface SqlTableResponses {
  'sql.tableInfo': TableInfo;
  'sql.tableRows': TableRowsPage;
  'sql.previewEdits': EditPreview;
  'sql.applyEdits': ApplyEditsResult;
  'sql.explain': ExplainResult;
  'sql.export': { exportId: string | null; fileName: string };
  'sql.cancelExport': { cancelled: boolean };
  'sql.importPreview': ImportPreview;
  'sql.importCsv': ImportAnswer;
  'sql.cancelImport': { cancelled: boolean };
}

export interface SqlTableEvents {
  'sql.exportProgress': ExportProgress;
  'sql.importProgress': ImportProgress;
}
