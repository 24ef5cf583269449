import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { LabCredentials } from '../lab-credentials';
import { LabError } from '../lab-error';
import { ADMIN_PREFIX, answerAdmin, type AdminContext } from './admin-routes';
import { readCredentialScope } from './credential-scope';
import { PortInUseError } from './port-in-use-error';
import { readBody } from './read-body';
import { refuseBrowserRequests } from './request-guard';
import { routeService } from './route-service';
import { sendResponse } from './send-response';
import type { AdminHandler, LabResponse, ServiceHandler } from './types';
import { verifySignature } from './verify-signature';
import { detectProtocol, internalFailure, renderError } from './wire-errors';

export interface EdgeServerOptions {
  host?: string;
  /** 4566 by default, as LocalStack and the AWS docs' examples use; 0 picks a free port. */
  port?: number;
  /** Looked up per request, so a service added to this object after start is served. */
  services: Partial<Record<string, ServiceHandler>>;
  admin: Record<string, AdminHandler>;
  /** The one key pair accepted: every service call must be signed with it, admin calls carry its secret. */
  credentials: LabCredentials;
  /** DynamoDB's BatchWriteItem may carry 16 MB; anything above is refused with 413. */
  maxBodyBytes?: number;
}

export interface EdgeServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_PORT = 4566;
const DEFAULT_MAX_BODY = 17 * 1024 * 1024;
const CLOSE_GRACE_MS = 2_000;

/** The lab's one AWS-compatible endpoint: signed calls to the services, `/_lab/` to administration. */
export async function startEdgeServer(opts: EdgeServerOptions): Promise<EdgeServer> {
  const host = opts.host ?? '127.0.0.1';
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const adminContext: AdminContext = {
    admin: opts.admin,
    adminKey: opts.credentials.secretAccessKey,
    health: () => ({ status: 'ok', services: servedNames(opts.services), admin: Object.keys(opts.admin) }),
  };
  const answer = async (req: IncomingMessage): Promise<LabResponse> => {
    const protocol = detectProtocol(req.headers);
    try {
      refuseBrowserRequests(req.headers, host);
      const url = new URL(req.url ?? '/', 'http://lab.invalid');
      if (url.pathname.startsWith(ADMIN_PREFIX)) {
        const reply = await answerAdmin(req, url.pathname.slice(ADMIN_PREFIX.length), adminContext);
        return {
          status: reply.status,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(reply.body),
        };
      }
      // The whole body is read and hashed before anything reaches a service (or DynamoDB's backend).
      const body = await readBody(req, maxBody);
      const scope = readCredentialScope(req.headers, url.searchParams);
      const method = req.method ?? 'GET';
      verifySignature(
        { method, path: rawPath(req.url), query: rawQuery(req.url), headers: req.headersDistinct, body },
        scope,
        opts.credentials,
      );
      const target = firstHeader(req.headers['x-amz-target']);
      const route = routeService(opts.services, scope.service, target);
      return await route.handler({
        method,
        url: req.url ?? '/',
        headers: req.headers,
        body,
        service: route.service,
        region: scope.region,
        accessKeyId: scope.accessKeyId,
        target,
      });
    } catch (error) {
      return renderError(protocol, error instanceof LabError ? error : internalFailure(), req.headers);
    }
  };
  const server = createServer((req, res) => {
    answer(req)
      .catch(() => renderError('json', internalFailure(), req.headers))
      .then((response) => sendResponse(req, res, response));
  });
  // Explicit bounds on slow clients; the defaults (5 min per request) are far beyond any lab call.
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  const port = await listen(server, host, opts.port ?? DEFAULT_PORT);
  // After start, a failed accept (EMFILE under load) is transient and the server keeps listening; an
  // unhandled 'error' event would instead end the lab.
  server.on('error', () => undefined);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () => close(server),
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('the edge has no TCP address'));
      else resolve(address.port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Kept-alive SDK sockets would hold close() open; in-flight calls get a short grace.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
  });
}

function servedNames(services: Partial<Record<string, ServiceHandler>>): string[] {
  return Object.keys(services).filter((name) => services[name] !== undefined);
}

// The path and query as sent: the signer signed the wire form, not a normalised URL.
function rawPath(url: string | undefined): string {
  const text = url ?? '/';
  const mark = text.indexOf('?');
  return mark < 0 ? text : text.slice(0, mark);
}

function rawQuery(url: string | undefined): string {
  const text = url ?? '/';
  const mark = text.indexOf('?');
  return mark < 0 ? '' : text.slice(mark + 1);
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
