import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Handlers } from '../../shared/rpc';
import { attachWsBridge } from './ws-bridge';
import type { DownloadRegistry } from '../files/download-registry';
import { isDownloadPath, serveDownload } from './download-route';
import { MAX_REQUEST_BYTES, WS_PATH } from '../../shared/ws-protocol';
import { CONTENT_SECURITY_POLICY } from '../csp';
import type { EventHub } from '../events';
import { DOWNLOAD_PATH } from '../files/download-registry';
import { createLogger } from '../../node/logger';
import {
  checkApiAccess,
  checkDownloadAccess,
  checkSameSite,
  DOWNLOAD_COOKIE,
  hasToken,
  queryParam,
  type AccessPolicy,
} from './access';
import { createLaunchCodes } from './launch-codes';
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
  /** Finished exports, each downloadable once at `/download/<id>` (with the download cookie). */
  downloads?: Pick<DownloadRegistry, 'take' | 'release'>;
  /** The clock launch codes expire by. */
  now?: () => number;
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  /** An address for the system browser: a one-time code in place of the token (see launch-codes.ts). */
  launchUrl(): string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const log = createLogger('server');

/** Browser mode: the built renderer and the WebSocket bridge on one loopback port, behind a token. */
export async function startBrowserServer(opts: BrowserServerOptions): Promise<BrowserServer> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !opts.unsafeListen) {
    throw new Error(`Refusing to listen on ${host}: only loopback is allowed without --unsafe-listen.`);
  }
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const policy: AccessPolicy = {
    token,
    downloadSecret: randomBytes(24).toString('base64url'),
    port: 0,
    anyHost: !LOOPBACK.has(host),
  };
  const launchCodes = createLaunchCodes(opts.now);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_REQUEST_BYTES });
  const detach = attachWsBridge(wss, opts.handlers, opts.events);

  const server = createServer((req, res) => void handleHttp(req, res));
  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
    const site = checkSameSite(policy, req);
    if (!site.ok) return plain(res, site.status, `${site.reason}. Open the address printed by npm start.`);
    const launch = queryParam(req, 'launch');
    if (launch !== undefined) return redeemLaunch(launch, res);
    const pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    if (opts.downloads && isDownloadPath(pathname)) {
      const verdict = checkDownloadAccess(policy, req);
      if (!verdict.ok) return plain(res, verdict.status, `${verdict.reason}.`);
      if (req.method !== 'GET') return plain(res, 405, 'Method not allowed');
      return serveDownload(opts.downloads, pathname, res).catch(() =>
        plain(res, 500, 'Could not send the file'),
      );
    }
    // The bundle holds no secrets and is served to anyone on a loopback Host; a page opened with the
    // token also gets the download cookie, whose value is not the token (access.ts says why).
    if (hasToken(policy, req)) {
      const cookie = `${DOWNLOAD_COOKIE}=${policy.downloadSecret}; HttpOnly; SameSite=Strict; Path=${DOWNLOAD_PATH}`;
      res.setHeader('Set-Cookie', cookie);
    }
    await serveStatic(opts.staticDir, pathname, res).catch(() => plain(res, 500, 'Could not read the file'));
  }

  function redeemLaunch(code: string, res: ServerResponse): void {
    if (launchCodes.redeem(code)) {
      res.writeHead(303, { Location: `/?token=${encodeURIComponent(token)}`, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    // A spent code used again may be someone who read it from the process list first.
    log.warn(
      'A launch address was used again or after it expired; if you opened it only once, restart the app.',
    );
    plain(
      res,
      410,
      'This launch address was already used or expired. Open the address printed by npm start.',
    );
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    // The WebSocket needs the token itself: cookies reach any port of the host and never count here.
    const verdict = pathname === WS_PATH ? checkApiAccess(policy, req) : undefined;
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
  const base = `http://${LOOPBACK.has(host) ? urlHost : host}:${port}`;
  return {
    url: `${base}/?token=${token}`,
    port,
    token,
    launchUrl: () => `${base}/?launch=${launchCodes.issue()}`,
    close: async () => {
      detach();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
