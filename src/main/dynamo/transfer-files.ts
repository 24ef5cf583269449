import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import type { DynamoJobProgress } from '../../shared/models/dynamo';
import type { FileFormat, ReadRequest } from '../../shared/models/dynamo-schemas';
import type { EventHub } from '../events';
import { downloadName } from '../files/download-name';
import type { DownloadRegistry } from '../files/download-registry';
import { PRIVATE_FILE_MODE, type PrivateFolders } from '../files/private-folders';
import type { ChooseSavePath } from '../files/save-dialog';
import type { DynamoService } from './dynamo-service';

type Ref = { profile: string; region: string };

export const TRANSFER_EXTENSIONS: Record<FileFormat, { extension: string; label: string }> = {
  jsonl: { extension: 'jsonl', label: 'JSON lines' },
  'dynamodb-json': { extension: 'json', label: 'DynamoDB JSON' },
  csv: { extension: 'csv', label: 'CSV' },
};

export interface DynamoTransfersDeps {
  service: Pick<DynamoService, 'exportItems' | 'importItems'>;
  events: Pick<EventHub, 'on'>;
  /** Browser-mode exports and uploaded imports are written under fixed names in folders made here. */
  folders: Pick<PrivateFolders, 'create' | 'fileIn' | 'remove'>;
  downloads: Pick<DownloadRegistry, 'add'>;
  /** Electron's save dialog; without it an export becomes a one-time download. */
  chooseSavePath?: ChooseSavePath;
}

/**
 * The file ends of DynamoDB import and export that the page itself cannot reach: a save dialog or a
 * one-time download for exports, and an uploaded file's text written to a temp file for imports.
 * Their folders are the app's own, removed when their job ends (or, for a download, once it has been
 * sent); table and index names are only shown as the file's name, never joined into a path.
 */
export class DynamoTransfers {
  /** Browser-mode exports by job id: their file, until done and handed to the download registry. */
  private readonly exports = new Map<
    string,
    { folder: string; path: string; fileName: string; done: boolean }
  >();
  /** Import temp folders by job id. */
  private readonly imports = new Map<string, string>();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: DynamoTransfersDeps) {
    this.unsubscribe = deps.events.on('dynamo.jobProgress', (progress) => this.onProgress(progress));
  }

  async exportFile(
    ref: Ref & { request: ReadRequest; format: FileFormat; segments?: number },
  ): Promise<{ jobId: string | null; fileName: string; delivery: 'path' | 'download' }> {
    const { extension, label } = TRANSFER_EXTENSIONS[ref.format];
    const stem = `${ref.request.table}${ref.request.index ? `-${ref.request.index}` : ''}`;
    const defaultName = downloadName(stem, extension);
    if (this.deps.chooseSavePath) {
      const path = await this.deps.chooseSavePath(defaultName, [{ name: label, extensions: [extension] }]);
      if (!path) return { jobId: null, fileName: defaultName, delivery: 'path' };
      const { jobId } = await this.deps.service.exportItems({ ...ref, path });
      return { jobId, fileName: basename(path), delivery: 'path' };
    }
    const folder = await this.deps.folders.create();
    try {
      const path = this.deps.folders.fileIn(folder, `export.${extension}`);
      const { jobId } = await this.deps.service.exportItems({ ...ref, path });
      // Registered before the job's first event: jobs start on the next macrotask.
      this.exports.set(jobId, { folder, path, fileName: defaultName, done: false });
      return { jobId, fileName: defaultName, delivery: 'download' };
    } catch (err) {
      await this.deps.folders.remove(folder);
      throw err;
    }
  }

  /** The one-time address of a finished browser-mode export. */
  exportDownload(jobId: string): { downloadUrl: string; fileName: string } {
    const file = this.exports.get(jobId);
    if (!file?.done) throw new AppError('NOT_FOUND', 'This export has no file to download (yet).');
    this.exports.delete(jobId);
    const downloadUrl = this.deps.downloads.add({
      folder: file.folder,
      path: file.path,
      fileName: file.fileName,
    });
    return { downloadUrl, fileName: file.fileName };
  }

  async importText(
    ref: Ref & { table: string; format: FileFormat; text: string },
  ): Promise<{ jobId: string }> {
    const folder = await this.deps.folders.create();
    try {
      const path = this.deps.folders.fileIn(folder, `import.${TRANSFER_EXTENSIONS[ref.format].extension}`);
      await writeFile(path, ref.text, { encoding: 'utf8', mode: PRIVATE_FILE_MODE, flag: 'wx' });
      const { jobId } = await this.deps.service.importItems({ ...ref, path });
      this.imports.set(jobId, folder);
      return { jobId };
    } catch (err) {
      await this.deps.folders.remove(folder);
      throw err;
    }
  }

  async dispose(): Promise<void> {
    this.unsubscribe();
    const folders = [...this.imports.values(), ...[...this.exports.values()].map((e) => e.folder)];
    this.imports.clear();
    this.exports.clear();
    await Promise.allSettled(folders.map((f) => this.deps.folders.remove(f)));
  }

  private onProgress(progress: DynamoJobProgress): void {
    if (progress.state === 'running') return;
    const importFolder = this.imports.get(progress.jobId);
    if (importFolder) {
      this.imports.delete(progress.jobId);
      void this.deps.folders.remove(importFolder);
    }
    const exported = this.exports.get(progress.jobId);
    if (!exported) return;
    if (progress.state === 'done') exported.done = true;
    else {
      this.exports.delete(progress.jobId);
      void this.deps.folders.remove(exported.folder);
    }
  }
}
