import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The cookie that lets the browser fetch finished exports. Browsers send a 127.0.0.1 cookie to every
 * port of 127.0.0.1, so any local server may receive it: its value is its own random secret, good for
 * `/download/` alone, never the API token.
 */
export const DOWNLOAD_COOKIE = 'rdx_download';
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export type AccessVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export interface AccessPolicy {
  token: string;
  /** The download cookie's value, handed to a page opened with the token. */
  downloadSecret: string;
  port: number;
  /** With --unsafe-listen the server answers on other interfaces; the token still guards it. */
  anyHost: boolean;
}

export function sameSecret(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

export function queryParam(req: IncomingMessage, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://placeholder').searchParams.get(name) ?? undefined;
}

// Host and Origin checks stop DNS-rebinding pages and other local sites from reaching the server.
function hostAllowed(policy: AccessPolicy, host: string | undefined): boolean {
  if (policy.anyHost) return true;
  return host !== undefined && LOOPBACK_HOSTS.some((h) => host === `${h}:${policy.port}`);
}

function originAllowed(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  return host !== undefined && origin === `http://${host}`;
}

/** A loopback Host and a same-origin Origin: enough for the static bundle, which holds no secrets. */
export function checkSameSite(policy: AccessPolicy, req: IncomingMessage): AccessVerdict {
  const host = req.headers.host;
  if (!hostAllowed(policy, host)) return { ok: false, status: 403, reason: 'Host not allowed' };
  if (!originAllowed(req.headers.origin, host))
    return { ok: false, status: 403, reason: 'Origin not allowed' };
  return { ok: true };
}

/** The API (the WebSocket): same site, and the token itself in the query. Cookies never count here. */
export function checkApiAccess(policy: AccessPolicy, req: IncomingMessage): AccessVerdict {
  const site = checkSameSite(policy, req);
  if (!site.ok) return site;
  if (sameSecret(queryParam(req, 'token'), policy.token)) return { ok: true };
  return { ok: false, status: 401, reason: 'Missing or wrong token' };
}

/**
 * A finished export: same site, and the download cookie a page opened with the token received (the
 * page's link), or the token itself in the query (a script holding the token may fetch it too).
 */
export function checkDownloadAccess(policy: AccessPolicy, req: IncomingMessage): AccessVerdict {
  const site = checkSameSite(policy, req);
  if (!site.ok) return site;
  if (sameSecret(cookie(req, DOWNLOAD_COOKIE), policy.downloadSecret) || hasToken(policy, req)) {
    return { ok: true };
  }
  return { ok: false, status: 401, reason: 'This download belongs to the browser tab that opened the app' };
}

/** Whether a page request carries the token: it then gets the download cookie. */
export function hasToken(policy: AccessPolicy, req: IncomingMessage): boolean {
  return sameSecret(queryParam(req, 'token'), policy.token);
}
