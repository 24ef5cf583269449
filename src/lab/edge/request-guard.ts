import type { IncomingHttpHeaders } from 'node:http';
import { LabError } from '../lab-error';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Refuses what only a web page would send. The edge accepts any key, so without this any site open in
 * the user's browser could drive it: a cross-site form needs no preflight (refused by its Origin
 * header), and a DNS-rebinding page reaches 127.0.0.1 under its own host name (refused by Host).
 * SDKs and the AWS CLI send neither an Origin nor a foreign Host.
 */
export function refuseBrowserRequests(headers: IncomingHttpHeaders, boundHost: string): void {
  const origin = headers.origin;
  if (origin !== undefined) {
    throw new LabError(
      'AccessDeniedException',
      `The local lab refuses requests from web pages (Origin: ${String(origin)}).`,
      403,
    );
  }
  const host = headers.host;
  if (host === undefined) return;
  const name = hostName(host);
  if (!LOOPBACK_NAMES.includes(name) && name !== boundHost) {
    throw new LabError(
      'AccessDeniedException',
      `The local lab answers only on loopback host names, not '${name}'.`,
      403,
    );
  }
}

/** Whether a socket's peer is this machine (admin routes are lab-only). */
export function isLoopbackPeer(remoteAddress: string | undefined): boolean {
  return remoteAddress !== undefined && LOOPBACK_ADDRESSES.has(remoteAddress);
}

function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return (colon < 0 ? host : host.slice(0, colon)).toLowerCase();
}
