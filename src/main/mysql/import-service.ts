import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { ImportAnswer, ImportDelimiter, ImportPreview, RejectedRow } from '../../shared/models/import';
import type { TableColumn, TableInfo } from '../../shared/models/table-edit';
import type { EventHub } from '../events';
import { parseCsv, proposeMapping, type ParsedCsv } from './import-parse';
import { checkRow } from './import-validate';
import { withProfileConnection, type ProfileConnector } from './table-connection';
import { qualifiedName, quoteName, sqlLiteral } from './table-edit-sql';
import { readTableInfo } from './table-info';

export interface ImportTarget {
  profileId: string;
  database: string;
  table: string;
  text: string;
  header: boolean;
  delimiter: ImportDelimiter | 'auto';
}

const PREVIEW_ROWS = 20;
const BATCH = 500;
const REJECTED_SHOWN = 1000;

/** CSV into a table: preview with a proposed mapping, validation of every row, then one transaction. */
export class ImportService {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: { connect: ProfileConnector; events: Pick<EventHub, 'emit'> }) {}

  async preview(req: ImportTarget): Promise<ImportPreview> {
    const table = await this.tableInfo(req);
    const csv = parseCsv(req.text, req.header, req.delimiter);
    return {
      table,
      delimiter: csv.delimiter,
      csvColumns: csv.columns,
      rows: csv.records.slice(0, PREVIEW_ROWS).map((r) => r.fields),
      totalRows: csv.records.length,
      mapping: proposeMapping(csv.columns, table.columns),
    };
  }

  /**
   * Checks every row. With rejected rows and no `confirmed`, nothing is written and the answer lists
   * them; otherwise the valid rows are imported in the background (progress events, cancellable).
   */
  async start(req: ImportTarget & { mapping: (string | null)[]; confirmed: boolean }): Promise<ImportAnswer> {
    const table = await this.tableInfo(req);
    if (table.readOnlyReason && !table.readOnlyReason.includes('primary key')) {
      throw new AppError('INVALID_REQUEST', table.readOnlyReason);
    }
    const csv = parseCsv(req.text, req.header, req.delimiter);
    const targets = mappedColumns(req.mapping, csv, table);
    const valid: (string | null)[][] = [];
    const rejected: RejectedRow[] = [];
    for (const record of csv.records) {
      const reason = checkRow(record.fields, csv.columns.length, targets);
      if (reason) rejected.push({ line: record.line, reason });
      else valid.push(record.fields);
    }
    if (rejected.length > 0 && !req.confirmed) {
      return {
        status: 'rejected',
        validRows: valid.length,
        rejectedCount: rejected.length,
        rejected: rejected.slice(0, REJECTED_SHOWN),
      };
    }
    if (valid.length === 0) throw new AppError('INVALID_REQUEST', 'There are no valid rows to import.');
    const importId = randomUUID();
    const abort = new AbortController();
    this.running.set(importId, abort);
    void this.run(importId, req.profileId, table, targets, valid, abort.signal).finally(() =>
      this.running.delete(importId),
    );
    return { status: 'started', importId, total: valid.length };
  }

  cancel(importId: string): boolean {
    const abort = this.running.get(importId);
    abort?.abort();
    return abort !== undefined;
  }

  dispose(): void {
    for (const abort of this.running.values()) abort.abort();
  }

  private tableInfo(req: ImportTarget): Promise<TableInfo> {
    return withProfileConnection(this.deps.connect, req.profileId, (conn, fields) =>
      readTableInfo(conn, req.database, req.table, fields.readOnly),
    );
  }

  private async run(
    importId: string,
    profileId: string,
    table: TableInfo,
    targets: (TableColumn | null)[],
    rows: (string | null)[][],
    signal: AbortSignal,
  ): Promise<void> {
    const progress = { importId, rows: 0, total: rows.length, done: false };
    const emit = (extra: object = {}): void =>
      this.deps.events.emit('sql.importProgress', { ...progress, ...extra });
    const used = targets.flatMap((c, i) => (c ? [{ column: c, index: i }] : []));
    const head = `INSERT INTO ${qualifiedName(table)} (${used.map((u) => quoteName(u.column.name)).join(', ')}) VALUES `;
    try {
      await withProfileConnection(this.deps.connect, profileId, async (conn) => {
        const db = conn.promise();
        await db.query('START TRANSACTION');
        try {
          for (let i = 0; i < rows.length; i += BATCH) {
            if (signal.aborted) throw new AppError('CANCELLED', 'The import was cancelled.');
            const values = rows
              .slice(i, i + BATCH)
              .map((row) => `(${used.map((u) => sqlLiteral(row[u.index] ?? null, u.column)).join(', ')})`);
            await db.query(head + values.join(', '));
            progress.rows = Math.min(rows.length, i + BATCH);
            emit();
          }
          if (signal.aborted) throw new AppError('CANCELLED', 'The import was cancelled.');
          await db.query('COMMIT');
        } catch (err) {
          await db.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
      });
      emit({ done: true });
    } catch (err) {
      if (signal.aborted) return emit({ done: true, cancelled: true, rows: 0 });
      const e =
        err instanceof AppError ? err : new AppError('SQL_ERROR', String((err as Error).message ?? err));
      emit({ done: true, rows: 0, error: { code: e.code, message: `${e.message} Nothing was imported.` } });
    }
  }
}

function mappedColumns(mapping: (string | null)[], csv: ParsedCsv, table: TableInfo): (TableColumn | null)[] {
  if (mapping.length !== csv.columns.length) {
    throw new AppError(
      'INVALID_REQUEST',
      `The mapping names ${mapping.length} columns; the file has ${csv.columns.length}.`,
    );
  }
  const seen = new Set<string>();
  const targets = mapping.map((name) => {
    if (name === null) return null;
    const column = table.columns.find((c) => c.name === name);
    if (!column) throw new AppError('INVALID_REQUEST', `Column ${name} is not in ${table.table}.`);
    if (column.generated)
      throw new AppError('INVALID_REQUEST', `Column ${name} is generated and cannot be imported into.`);
    if (seen.has(name)) throw new AppError('INVALID_REQUEST', `Two CSV columns go to ${name}.`);
    seen.add(name);
    return column;
  });
  if (seen.size === 0)
    throw new AppError('INVALID_REQUEST', 'Map at least one CSV column to a table column.');
  const missing = table.columns.filter(
    (c) => !seen.has(c.name) && !c.nullable && c.defaultValue === null && !c.autoIncrement && !c.generated,
  );
  if (missing.length > 0) {
    throw new AppError(
      'INVALID_REQUEST',
      `${missing.map((c) => c.name).join(', ')} must be filled (NOT NULL, no default): map a CSV column to ${missing.length === 1 ? 'it' : 'them'}.`,
    );
  }
  return targets;
}
