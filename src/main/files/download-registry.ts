import { randomBytes } from 'node:crypto';
import type { PrivateFolders } from './private-folders';

export interface PendingDownload {
  /** The app folder the file lives in, deleted once the file has been sent. */
  folder: string;
  path: string;
  /** What the browser saves it as (already cleaned by `downloadName`). */
  fileName: string;
}

export const DOWNLOAD_PATH = '/download/';

/**
 * Finished browser-mode exports waiting to be downloaded. Each is served once at an unguessable
 * address (`/download/<id>`, behind the browser server's token), then its folder is deleted.
 */
export class DownloadRegistry {
  private readonly pending = new Map<string, PendingDownload>();

  constructor(private readonly folders: Pick<PrivateFolders, 'remove'>) {}

  /** Registers a finished file and returns the address the page fetches it from. */
  add(download: PendingDownload): string {
    const id = randomBytes(24).toString('base64url');
    this.pending.set(id, download);
    return `${DOWNLOAD_PATH}${id}`;
  }

  /** Hands the download out once; `release` it when it has been sent. */
  take(id: string): PendingDownload | undefined {
    const download = this.pending.get(id);
    this.pending.delete(id);
    return download;
  }

  /** Deletes a taken download's folder: only ever one the app created. */
  async release(download: PendingDownload): Promise<void> {
    await this.folders.remove(download.folder);
  }

  async dispose(): Promise<void> {
    const left = [...this.pending.values()];
    this.pending.clear();
    await Promise.allSettled(left.map((d) => this.release(d)));
  }
}
