import { ADMIN_KEY_HEADER } from '../../src/lab/edge/admin-routes';
import {
  canonicalRequest,
  EMPTY_PAYLOAD_HASH,
  scopeOf,
  sha256Hex,
  signature,
  SIGV4_ALGORITHM,
  stringToSign,
} from '../../src/lab/edge/sigv4';
import type { StaticCredentials } from '../../src/main/aws/client-config';

/**
 * SDK client options aimed at a lab edge. One attempt: a test sees each error as the edge sent it,
 * never the answer to a retry.
 */
export function edgeClientConfig(
  endpoint: string,
  region: string,
  credentials: StaticCredentials,
): { endpoint: string; region: string; credentials: StaticCredentials; maxAttempts: number } {
  return { endpoint, region, credentials, maxAttempts: 1 };
}

/** POSTs what no SDK would send (bad signatures and bodies, admin routes) to the edge at `url`. */
export async function postToEdge(
  url: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

export interface SigningOptions {
  service: string;
  credentials: StaticCredentials;
  region?: string;
  method?: string;
  /** Path and query as they go on the wire. */
  target?: string;
  headers?: Record<string, string>;
  body?: string;
  amzDate?: string;
}

/**
 * Headers that sign a hand-made request to the edge at `url` with SigV4 (host, x-amz-date and the
 * given headers signed), for requests the SDK would never send. The signer is the lab's own SigV4
 * code, which the unit tests check against AWS's published test suite.
 */
export function signedHeaders(url: string, opts: SigningOptions): Record<string, string> {
  const amzDate = opts.amzDate ?? '20250101T000000Z';
  const region = opts.region ?? 'us-east-1';
  const headers: Record<string, string> = { ...opts.headers, 'x-amz-date': amzDate };
  const all: Record<string, string[]> = { host: [new URL(url).host] };
  for (const [name, value] of Object.entries(headers)) all[name.toLowerCase()] = [value];
  const names = Object.keys(all).sort();
  const [path = '/', query = ''] = (opts.target ?? '/').split('?', 2);
  const canonical = canonicalRequest(
    { method: opts.method ?? 'POST', path, query, headers: all },
    { signedHeaders: names, payloadHash: sha256Hex(opts.body ?? '') },
  );
  const date = amzDate.slice(0, 8);
  const scope = scopeOf(date, region, opts.service);
  const sig = signature(
    opts.credentials.secretAccessKey,
    date,
    region,
    opts.service,
    stringToSign(amzDate, scope, canonical),
  );
  return {
    ...headers,
    authorization: `${SIGV4_ALGORITHM} Credential=${opts.credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${sig}`,
  };
}

/** A presigned GET URL (the `X-Amz-*` query form) for `params` at the edge `url`. */
export function presignedUrl(
  url: string,
  opts: Omit<SigningOptions, 'target' | 'body' | 'method'> & { params: Record<string, string> },
): string {
  const amzDate = opts.amzDate ?? '20250101T000000Z';
  const region = opts.region ?? 'us-east-1';
  const date = amzDate.slice(0, 8);
  const scope = scopeOf(date, region, opts.service);
  const query = new URLSearchParams({
    ...opts.params,
    'X-Amz-Algorithm': SIGV4_ALGORITHM,
    'X-Amz-Credential': `${opts.credentials.accessKeyId}/${scope}`,
    'X-Amz-Date': amzDate,
    'X-Amz-SignedHeaders': 'host',
  })
    .toString()
    .replace(/\+/g, '%20');
  const canonical = canonicalRequest(
    { method: 'GET', path: '/', query, headers: { host: [new URL(url).host] } },
    { signedHeaders: ['host'], payloadHash: EMPTY_PAYLOAD_HASH },
  );
  const sig = signature(
    opts.credentials.secretAccessKey,
    date,
    region,
    opts.service,
    stringToSign(amzDate, scope, canonical),
  );
  return `${url}/?${query}&X-Amz-Signature=${sig}`;
}

/** Headers for the edge's admin routes (`/_lab/...`): a JSON body and the lab's secret key. */
export function adminHeaders(credentials: StaticCredentials): Record<string, string> {
  return { 'content-type': 'application/json', [ADMIN_KEY_HEADER]: credentials.secretAccessKey };
}
