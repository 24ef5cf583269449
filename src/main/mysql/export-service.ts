import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import { EXPORT_FORMATS, type ExportFormat, type ExportSource } from '../../shared/models/export';
import type { EventHub } from '../events';
import { downloadName } from '../files/download-name';
import type { DownloadRegistry } from '../files/download-registry';
import { PRIVATE_FILE_MODE, type PrivateFolders } from '../files/private-folders';
import type { ChooseSavePath } from '../files/save-dialog';
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

/**
 * Where finished files go: a path the user picks (Electron) or a one-time download (browser mode),
 * written under a fixed name in a folder the app created for it.
 */
export type ExportDestination =
  | { kind: 'dialog'; chooseSavePath: ChooseSavePath }
  | {
      kind: 'download';
      folders: Pick<PrivateFolders, 'create' | 'fileIn' | 'remove'>;
      downloads: Pick<DownloadRegistry, 'add'>;
    };

/** Where one export is written: its file, the temp file beside it, and the app folder holding both. */
interface ExportTarget {
  path: string;
  temp: string;
  /** Set for browser-mode downloads: deleted on failure or cancel, and after the download. */
  folder?: string;
}

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
    // A table's name comes from the server: it is only ever shown, never part of a path.
    const defaultName = downloadName(source.kind === 'table' ? source.table : 'result', ext);
    const target = await this.target(defaultName, format, ext);
    if (!target) return { exportId: null, fileName: defaultName };
    const exportId = randomUUID();
    const abort = new AbortController();
    this.running.set(exportId, abort);
    const fileName = target.folder ? defaultName : basename(target.path);
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

  private async target(defaultName: string, format: ExportFormat, ext: string): Promise<ExportTarget | null> {
    const dest = this.deps.destination;
    if (dest.kind === 'dialog') {
      const label = EXPORT_FORMATS.find((f) => f.value === format)!.label;
      const path = await dest.chooseSavePath(defaultName, [{ name: label, extensions: [ext] }]);
      if (!path) return null;
      // Beside the file the user chose, hidden, so a half-written export never bears its name.
      const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
      return { path, temp };
    }
    const folder = await dest.folders.create();
    return {
      folder,
      path: dest.folders.fileIn(folder, 'export'),
      temp: dest.folders.fileIn(folder, 'export.part'),
    };
  }

  private async run(
    exportId: string,
    source: ExportSource,
    format: ExportFormat,
    target: ExportTarget,
    fileName: string,
    signal: AbortSignal,
  ): Promise<void> {
    const progress = { exportId, rows: 0, bytes: 0, done: false, fileName };
    const emit = (extra: object = {}): void =>
      this.deps.events.emit('sql.exportProgress', { ...progress, ...extra });
    const out = createWriteStream(target.temp, { mode: PRIVATE_FILE_MODE, flags: 'wx' });
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
      await rename(target.temp, target.path);
      emit({ done: true, ...this.deliver(target, fileName) });
    } catch (err) {
      out.destroy();
      await rm(target.temp, { force: true });
      await this.removeFolder(target);
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

  private deliver(target: ExportTarget, fileName: string): { path?: string; downloadUrl?: string } {
    const dest = this.deps.destination;
    if (dest.kind === 'dialog' || !target.folder) return { path: target.path };
    return { downloadUrl: dest.downloads.add({ folder: target.folder, path: target.path, fileName }) };
  }

  private async removeFolder(target: ExportTarget): Promise<void> {
    const dest = this.deps.destination;
    if (dest.kind === 'download' && target.folder) await dest.folders.remove(target.folder);
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
