import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';

export interface PendingDownload {
  path: string;
  fileName: string;
}

/**
 * Finished browser-mode exports waiting to be downloaded. Each is served once at an unguessable
 * address (`/download/<id>`, behind the browser server's token) and then deleted.
 */
export class DownloadRegistry {
  private readonly pending = new Map<string, PendingDownload>();

  add(download: PendingDownload): string {
    const id = randomBytes(24).toString('base64url');
    this.pending.set(id, download);
    return id;
  }

  /** Hands the download out once; the caller deletes the file when it has been sent. */
  take(id: string): PendingDownload | undefined {
    const download = this.pending.get(id);
    this.pending.delete(id);
    return download;
  }

  async dispose(): Promise<void> {
    const files = [...this.pending.values()];
    this.pending.clear();
    await Promise.allSettled(files.map((f) => rm(f.path, { force: true })));
  }
}

export const DOWNLOAD_PATH = '/download/';
