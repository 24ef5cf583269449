import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Handlers } from '../../shared/rpc';
import { attachWsBridge } from './ws-bridge';
import type { DownloadRegistry } from '../files/download-registry';
import { isDownloadPath, serveDownload } from './download-route';
import { WS_PATH } from '../../shared/ws-protocol';
import { CONTENT_SECURITY_POLICY } from '../csp';
import type { EventHub } from '../events';
import { checkAccess, SESSION_COOKIE, type AccessPolicy } from './access';
import { plain, serveStatic } from './static-files';

export interface BrowserServerOptions {
  handlers: Handlers;
  events: Pick<EventHub, 'subscribe'>;
  staticDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  unsafeListen?: boolean;
  /** Finished exports, each downloadable once at `/download/<id>` (behind the same token). */
  downloads?: Pick<DownloadRegistry, 'take' | 'release'>;
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** Browser mode: the built renderer and the WebSocket bridge on one loopback port, behind a token. */
export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !opts.unsafeListen) {
    throw new Error(`Refusing to listen on ${host}: only loopback is allowed without --unsafe-listen.`);
  }
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const policy: AccessPolicy = { token, port: 0, anyHost: !LOOPBACK.has(host) };
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const detach = attachWsBridge(wss, opts.handlers, opts.events);

  const server = createServer((req, res) => void handleHttp(req, res));
  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
    const verdict = checkAccess(policy, req, { cookieAllowed: true });
    if (!verdict.ok)
      return plain(res, verdict.status, `${verdict.reason}. Open the address printed by npm start.`);
    if (verdict.viaQuery) {
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    const pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    if (opts.downloads && isDownloadPath(pathname) && req.method === 'GET') {
      return serveDownload(opts.downloads, pathname, res).catch(() =>
        plain(res, 500, 'Could not send the file'),
      );
    }
    await serveStatic(opts.staticDir, pathname, res).catch(() => plain(res, 500, 'Could not read the file'));
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    // The WebSocket needs the token itself, not the cookie: a cookie would ride along cross-site.
    const verdict = pathname === WS_PATH ? checkAccess(policy, req, { cookieAllowed: false }) : undefined;
    if (!verdict?.ok) {
      const status = verdict ? verdict.status : 404;
      const text = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found';
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  policy.port = port;
  const urlHost = host === '::1' ? '[::1]' : host === 'localhost' ? '127.0.0.1' : host;
  return {
    url: `http://${LOOPBACK.has(host) ? urlHost : host}:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      detach();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
