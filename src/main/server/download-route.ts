import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { contentDisposition } from '../files/download-name';
import { DOWNLOAD_PATH, type DownloadRegistry } from '../files/download-registry';
import { plain } from './static-files';

export function isDownloadPath(pathname: string): boolean {
  return pathname.startsWith(DOWNLOAD_PATH);
}

/** Sends a finished export once, as an attachment, then deletes the app folder it was written in. */
export async function serveDownload(
  downloads: Pick<DownloadRegistry, 'take' | 'release'>,
  pathname: string,
  res: ServerResponse,
): Promise<void> {
  const download = downloads.take(pathname.slice(DOWNLOAD_PATH.length));
  if (!download) return plain(res, 404, 'This download is gone: each export can be downloaded once.');
  const remove = (): Promise<void> => downloads.release(download);
  const info = await stat(download.path).catch(() => undefined);
  if (!info) {
    await remove();
    return plain(res, 404, 'The exported file is gone.');
  }
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': info.size,
    'Content-Disposition': contentDisposition(download.fileName),
    'Cache-Control': 'no-store',
  });
  const stream = createReadStream(download.path);
  stream.pipe(res);
  res.once('close', () => void remove());
}
