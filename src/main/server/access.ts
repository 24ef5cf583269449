import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'rdx_session';
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export type AccessVerdict =
  { ok: true; viaQuery: boolean } | { ok: false; status: 401 | 403; reason: string };

export interface AccessPolicy {
  token: string;
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

// Host and Origin checks stop DNS-rebinding pages and other local sites from reaching the API.
function hostAllowed(policy: AccessPolicy, host: string | undefined): boolean {
  if (policy.anyHost) return true;
  return host !== undefined && LOOPBACK_HOSTS.some((h) => host === `${h}:${policy.port}`);
}

function originAllowed(policy: AccessPolicy, origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  return host !== undefined && origin === `http://${host}`;
}

/**
 * Decides whether a request may pass: a loopback Host, a same-origin Origin, and the token, from the
 * query string (the printed URL, the WebSocket) or from the cookie set on the first visit (page assets).
 */
export function checkAccess(
  policy: AccessPolicy,
  req: IncomingMessage,
  opts: { cookieAllowed: boolean },
): AccessVerdict {
  const host = req.headers.host;
  if (!hostAllowed(policy, host)) return { ok: false, status: 403, reason: 'Host not allowed' };
  if (!originAllowed(policy, req.headers.origin, host))
    return { ok: false, status: 403, reason: 'Origin not allowed' };
  const url = new URL(req.url ?? '/', 'http://placeholder');
  const queryToken = url.searchParams.get('token') ?? undefined;
  if (sameSecret(queryToken, policy.token)) return { ok: true, viaQuery: true };
  if (opts.cookieAllowed && sameSecret(cookie(req, SESSION_COOKIE), policy.token))
    return { ok: true, viaQuery: false };
  return { ok: false, status: 401, reason: 'Missing or wrong token' };
}
