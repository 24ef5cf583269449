import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { DOWNLOAD_PATH, type DownloadRegistry } from '../mysql/export-downloads';
import { plain } from './static-files';

export function isDownloadPath(pathname: string): boolean {
  return pathname.startsWith(DOWNLOAD_PATH);
}

/** Sends a finished export once, as an attachment, then deletes it (and its private folder). */
export async function serveDownload(
  downloads: Pick<DownloadRegistry, 'take'>,
  pathname: string,
  res: ServerResponse,
): Promise<void> {
  const download = downloads.take(pathname.slice(DOWNLOAD_PATH.length));
  if (!download) return plain(res, 404, 'This download is gone: each export can be downloaded once.');
  const remove = (): Promise<void> => rm(dirname(download.path), { recursive: true, force: true });
  const info = await stat(download.path).catch(() => undefined);
  if (!info) {
    await remove();
    return plain(res, 404, 'The exported file is gone.');
  }
  const ascii = download.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': info.size,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
    'Cache-Control': 'no-store',
  });
  const stream = createReadStream(download.path);
  stream.pipe(res);
  res.once('close', () => void remove());
}
