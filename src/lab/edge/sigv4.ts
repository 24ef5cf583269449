import { createHash, createHmac } from 'node:crypto';

/**
 * The pieces of AWS Signature Version 4 as the server recomputes them: canonical request, string to
 * sign, signing key and signature. Pure functions of what arrived on the wire, checked in the unit
 * tests against AWS's published SigV4 test suite.
 */

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
export const SIGV4_TERMINATOR = 'aws4_request';
export const EMPTY_PAYLOAD_HASH = sha256Hex('');

/** A request as it arrived: the raw path and query, each header's values in arrival order. */
export interface WireRequest {
  method: string;
  /** The path as sent, percent-encoding included, without the query. */
  path: string;
  /** The query string as sent, without `?`. */
  query: string;
  /** Lower-case names; a header sent twice has two values. */
  headers: Readonly<Record<string, readonly string[] | undefined>>;
}

export interface CanonicalParts {
  signedHeaders: readonly string[];
  payloadHash: string;
  /** Query parameters left out (the presigned form's own `X-Amz-Signature`). */
  omitQuery?: readonly string[];
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Method, canonical URI, canonical query, canonical headers, signed headers and payload hash. */
export function canonicalRequest(req: WireRequest, parts: CanonicalParts): string {
  const headers = parts.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(req.headers[name])}\n`);
  return [
    req.method.toUpperCase(),
    canonicalUri(req.path),
    canonicalQuery(req.query, parts.omitQuery ?? []),
    headers.join(''),
    parts.signedHeaders.join(';'),
    parts.payloadHash,
  ].join('\n');
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [SIGV4_ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

/** `DATE/REGION/SERVICE/aws4_request`, the credential scope without the key id. */
export function scopeOf(date: string, region: string, service: string): string {
  return [date, region, service, SIGV4_TERMINATOR].join('/');
}

export function signature(
  secretAccessKey: string,
  date: string,
  region: string,
  service: string,
  toSign: string,
): string {
  let key: Buffer = hmac(`AWS4${secretAccessKey}`, date);
  for (const part of [region, service, SIGV4_TERMINATOR]) key = hmac(key, part);
  return createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
}

/**
 * Every path segment encoded once more than on the wire (SigV4 for services other than S3), after
 * removing `.`, `..` and empty segments as the SDKs do before signing.
 */
export function canonicalUri(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${segments.map(uriEncode).join('/')}${trailing}`;
}

/** Keys and values decoded from the wire, then encoded the SigV4 way and sorted by key, then value. */
export function canonicalQuery(query: string, omit: readonly string[]): string {
  const pairs: [string, string][] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = uriEncode(decode(eq < 0 ? part : part.slice(0, eq)));
    if (omit.includes(key)) continue;
    pairs.push([key, uriEncode(decode(eq < 0 ? '' : part.slice(eq + 1)))]);
  }
  pairs.sort(([k1, v1], [k2, v2]) => compare(k1, k2) || compare(v1, v2));
  return pairs.map(([key, value]) => `${key}=${value}`).join('&');
}

/** RFC 3986: everything but `A-Z a-z 0-9 - . _ ~` as `%XX` of its UTF-8 bytes, upper-case hex. */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalHeaderValue(values: readonly string[] | undefined): string {
  return (values ?? []).map((value) => value.trim().replace(/\s+/g, ' ')).join(',');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A malformed escape cannot have been signed by a correct client; kept as sent, it simply fails to match.
    return text;
  }
}

// Code-unit order, as the SDKs sort (not locale order).
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}
