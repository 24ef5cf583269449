import type { IncomingMessage } from 'node:http';
import { LabError } from '../lab-error';

/**
 * The whole request body, refusing more than `limit` bytes (a declared Content-Length over the limit is
 * refused before reading a byte). The edge buffers bodies because every AWS protocol it serves needs
 * the whole document; the bound keeps a runaway client from exhausting memory. On refusal the stream is
 * paused, not destroyed, so the caller can still answer 413 before closing the connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      cleanup();
      req.pause();
      reject(tooLarge(limit));
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
    };
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

function tooLarge(limit: number): LabError {
  return new LabError(
    'RequestEntityTooLargeException',
    `Request body is larger than the lab's limit of ${limit} bytes.`,
    413,
  );
}
