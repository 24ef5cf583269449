import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import { EXPORT_FORMATS, type ExportFormat, type ExportSource } from '../../shared/models/export';
import type { EventHub } from '../events';
import { DOWNLOAD_PATH, type DownloadRegistry } from './export-downloads';
import {
  resultSource,
  streamStatement,
  tableStatement,
  useDatabase,
  type ResultWindowReader,
  type RowSource,
} from './export-sources';
import { rowWriter } from './export-writers';
import { withProfileConnection, type ProfileConnector } from './table-connection';

export type ChooseSavePath = (
  defaultName: string,
  filters: { name: string; extensions: string[] }[],
) => Promise<string | null>;

/** Where finished files go: a path the user picks (Electron) or a one-time download (browser mode). */
export type ExportDestination =
  | { kind: 'dialog'; chooseSavePath: ChooseSavePath }
  | { kind: 'download'; dir: string; downloads: DownloadRegistry };

export interface ExportServiceDeps {
  connect: ProfileConnector;
  events: Pick<EventHub, 'emit'>;
  destination: ExportDestination;
  readResult?: ResultWindowReader;
}

const PROGRESS_EVERY_MS = 100;

/** Streams rows to a file with progress and cancel; the file appears only when it is complete. */
export class ExportService {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: ExportServiceDeps) {}

  async start(
    source: ExportSource,
    format: ExportFormat,
  ): Promise<{ exportId: string | null; fileName: string }> {
    const ext = EXPORT_FORMATS.find((f) => f.value === format)!.extension;
    const base = source.kind === 'table' ? source.table : 'result';
    const defaultName = `${base}.${ext}`;
    const target = await this.targetPath(defaultName, format, ext);
    if (!target) return { exportId: null, fileName: defaultName };
    const exportId = randomUUID();
    const abort = new AbortController();
    this.running.set(exportId, abort);
    const fileName = basename(target);
    void this.run(exportId, source, format, target, fileName, abort.signal).finally(() =>
      this.running.delete(exportId),
    );
    return { exportId, fileName };
  }

  cancel(exportId: string): boolean {
    const abort = this.running.get(exportId);
    abort?.abort();
    return abort !== undefined;
  }

  dispose(): void {
    for (const abort of this.running.values()) abort.abort();
  }

  private async targetPath(defaultName: string, format: ExportFormat, ext: string): Promise<string | null> {
    const dest = this.deps.destination;
    if (dest.kind === 'dialog') {
      const label = EXPORT_FORMATS.find((f) => f.value === format)!.label;
      return dest.chooseSavePath(defaultName, [{ name: label, extensions: [ext] }]);
    }
    const dir = join(dest.dir, randomBytes(12).toString('hex'));
    await mkdir(dir, { recursive: true });
    return join(dir, defaultName);
  }

  private async run(
    exportId: string,
    source: ExportSource,
    format: ExportFormat,
    target: string,
    fileName: string,
    signal: AbortSignal,
  ): Promise<void> {
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.part`);
    const progress = { exportId, rows: 0, bytes: 0, done: false, fileName };
    const emit = (extra: object = {}): void =>
      this.deps.events.emit('sql.exportProgress', { ...progress, ...extra });
    const out = createWriteStream(temp);
    try {
      await this.withSource(source, signal, async (rows) => {
        const writer = rowWriter(format, rows.columns, rows.table);
        let last = 0;
        await write(out, writer.header(), progress);
        for await (const batch of rows.batches) {
          if (signal.aborted) break;
          await write(out, writer.rows(batch), progress);
          progress.rows += batch.length;
          if (Date.now() - last >= PROGRESS_EVERY_MS) {
            last = Date.now();
            emit();
          }
        }
        await write(out, writer.footer(), progress);
      });
      await closeStream(out);
      if (signal.aborted) throw new AppError('CANCELLED', 'The export was cancelled.');
      await rename(temp, target);
      emit({ done: true, ...(await this.deliver(target, fileName)) });
    } catch (err) {
      out.destroy();
      await rm(temp, { force: true });
      if (this.deps.destination.kind === 'download')
        await rm(dirname(target), { recursive: true, force: true });
      if (signal.aborted) return emit({ done: true, cancelled: true });
      const e =
        err instanceof AppError ? err : new AppError('SQL_ERROR', (err as Error).message ?? String(err));
      emit({ done: true, error: { code: e.code, message: e.message } });
    }
  }

  private async withSource(
    source: ExportSource,
    signal: AbortSignal,
    fn: (rows: RowSource) => Promise<void>,
  ): Promise<void> {
    if (source.kind === 'result') {
      if (!this.deps.readResult) throw new AppError('NOT_FOUND', 'Stored results cannot be exported here.');
      return fn(resultSource(source, this.deps.readResult));
    }
    await withProfileConnection(this.deps.connect, source.profileId, async (conn) => {
      // Cancel ends the connection, which ends the row stream at once.
      const onAbort = (): void => conn.destroy();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        let sql: string;
        let table: string;
        if (source.kind === 'table') {
          sql = tableStatement(source);
          table = source.table;
        } else {
          await useDatabase(conn, source.database);
          sql = source.sql;
          table = 'exported_rows';
        }
        await fn(await streamStatement(conn, sql, table));
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    });
  }

  private async deliver(path: string, fileName: string): Promise<{ path?: string; downloadUrl?: string }> {
    const dest = this.deps.destination;
    if (dest.kind === 'dialog') return { path };
    const id = dest.downloads.add({ path, fileName });
    return { downloadUrl: `${DOWNLOAD_PATH}${id}` };
  }
}

async function write(out: WriteStream, chunk: string, progress: { bytes: number }): Promise<void> {
  if (chunk === '') return;
  progress.bytes += Buffer.byteLength(chunk);
  // events.once rejects on 'error' and removes both listeners afterwards.
  if (!out.write(chunk)) await once(out, 'drain');
}

function closeStream(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
}
