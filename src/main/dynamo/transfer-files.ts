import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { DynamoJobProgress } from '../../shared/models/dynamo';
import type { FileFormat, ReadRequest } from '../../shared/models/dynamo-schemas';
import type { EventHub } from '../events';
import { DOWNLOAD_PATH, type DownloadRegistry } from '../mysql/export-downloads';
import type { ChooseSavePath } from '../mysql/export-service';
import type { DynamoService } from './dynamo-service';

type Ref = { profile: string; region: string };

export const TRANSFER_EXTENSIONS: Record<FileFormat, { extension: string; label: string }> = {
  jsonl: { extension: 'jsonl', label: 'JSON lines' },
  'dynamodb-json': { extension: 'json', label: 'DynamoDB JSON' },
  csv: { extension: 'csv', label: 'CSV' },
};

export interface DynamoTransfersDeps {
  service: Pick<DynamoService, 'exportItems' | 'importItems'>;
  events: Pick<EventHub, 'subscribe'>;
  /** Temp files of browser-mode exports and of uploaded imports live under `<dataDir>/tmp`. */
  dataDir: string;
  downloads: Pick<DownloadRegistry, 'add'>;
  /** Electron's save dialog; without it an export becomes a one-time download. */
  chooseSavePath?: ChooseSavePath;
}

/**
 * The file ends of DynamoDB import and export that the page itself cannot reach: a save dialog or a
 * one-time download for exports, and an uploaded file's text written to a temp file for imports.
 * Temp folders are removed when their job ends (or, for a download, once it has been sent).
 */
export class DynamoTransfers {
  /** Browser-mode exports by job id: their file, until done and handed to the download registry. */
  private readonly exports = new Map<string, { path: string; fileName: string; done: boolean }>();
  /** Import temp folders by job id. */
  private readonly imports = new Map<string, string>();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: DynamoTransfersDeps) {
    this.unsubscribe = deps.events.subscribe((event, payload) => {
      if (event === 'dynamo.jobProgress') this.onProgress(payload as DynamoJobProgress);
    });
  }

  async exportFile(
    ref: Ref & { request: ReadRequest; format: FileFormat; segments?: number },
  ): Promise<{ jobId: string | null; fileName: string; delivery: 'path' | 'download' }> {
    const { extension, label } = TRANSFER_EXTENSIONS[ref.format];
    const defaultName = `${ref.request.table}${ref.request.index ? `-${ref.request.index}` : ''}.${extension}`;
    if (this.deps.chooseSavePath) {
      const path = await this.deps.chooseSavePath(defaultName, [{ name: label, extensions: [extension] }]);
      if (!path) return { jobId: null, fileName: defaultName, delivery: 'path' };
      const { jobId } = await this.deps.service.exportItems({ ...ref, path });
      return { jobId, fileName: basename(path), delivery: 'path' };
    }
    const dir = await this.tempDir('exports');
    const path = join(dir, defaultName);
    try {
      const { jobId } = await this.deps.service.exportItems({ ...ref, path });
      // Registered before the job's first event: jobs start on the next macrotask.
      this.exports.set(jobId, { path, fileName: defaultName, done: false });
      return { jobId, fileName: defaultName, delivery: 'download' };
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }

  /** The one-time address of a finished browser-mode export. */
  exportDownload(jobId: string): { downloadUrl: string; fileName: string } {
    const file = this.exports.get(jobId);
    if (!file?.done) throw new AppError('NOT_FOUND', 'This export has no file to download (yet).');
    this.exports.delete(jobId);
    const id = this.deps.downloads.add({ path: file.path, fileName: file.fileName });
    return { downloadUrl: `${DOWNLOAD_PATH}${id}`, fileName: file.fileName };
  }

  async importText(
    ref: Ref & { table: string; format: FileFormat; text: string },
  ): Promise<{ jobId: string }> {
    const dir = await this.tempDir('imports');
    const path = join(dir, `import.${TRANSFER_EXTENSIONS[ref.format].extension}`);
    try {
      await writeFile(path, ref.text, 'utf8');
      const { jobId } = await this.deps.service.importItems({ ...ref, path });
      this.imports.set(jobId, dir);
      return { jobId };
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }

  async dispose(): Promise<void> {
    this.unsubscribe();
    const dirs = [...this.imports.values(), ...[...this.exports.values()].map((e) => dirname(e.path))];
    this.imports.clear();
    this.exports.clear();
    await Promise.allSettled(dirs.map((d) => rm(d, { recursive: true, force: true })));
  }

  private onProgress(progress: DynamoJobProgress): void {
    if (progress.state === 'running') return;
    const importDir = this.imports.get(progress.jobId);
    if (importDir) {
      this.imports.delete(progress.jobId);
      void rm(importDir, { recursive: true, force: true });
    }
    const exported = this.exports.get(progress.jobId);
    if (!exported) return;
    if (progress.state === 'done') exported.done = true;
    else {
      this.exports.delete(progress.jobId);
      void rm(dirname(exported.path), { recursive: true, force: true });
    }
  }

  private async tempDir(kind: 'exports' | 'imports'): Promise<string> {
    const dir = join(this.deps.dataDir, 'tmp', `dynamo-${kind}`, randomBytes(12).toString('hex'));
    await mkdir(dir, { recursive: true });
    return dir;
  }
}
