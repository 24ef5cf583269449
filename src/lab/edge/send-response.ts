import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LabResponse } from './types';

/**
 * Writes a service's response. Never throws: a response Node refuses to write (a header value with a
 * newline, say) ends that one connection instead of becoming an unhandled rejection that would stop
 * the whole lab.
 */
export function sendResponse(req: IncomingMessage, res: ServerResponse, response: LabResponse): void {
  if (res.headersSent || res.destroyed) return;
  try {
    const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body;
    const headers: Record<string, string | number> = { ...response.headers, 'content-length': body.length };
    // A body left unread (refused as too large) would desynchronise a kept-alive connection.
    const unread = !req.complete;
    if (unread) headers.connection = 'close';
    res.writeHead(response.status, headers);
    res.end(body, () => {
      if (unread) req.destroy();
    });
  } catch {
    res.destroy();
  }
}
