import type { IncomingHttpHeaders } from 'node:http';
import { LabError } from '../lab-error';

/** What a SigV4 credential scope tells: `AKID/DATE/REGION/SERVICE/aws4_request`. */
export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

/** The scope and the rest of what the signer claims, for verify-signature.ts to check. */
export interface SignatureClaim extends CredentialScope {
  signedHeaders: string[];
  signature: string;
  /** The request time as signed (ISO 8601 basic); never compared with the clock in a local lab. */
  amzDate: string;
  presigned: boolean;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const TERMINATOR = 'aws4_request';
const PRESIGNED_PARAMS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Signature',
  'X-Amz-SignedHeaders',
  'X-Amz-Date',
] as const;

/**
 * Reads the SigV4 claim of a request, from the `Authorization` header or the presigned `X-Amz-*` query
 * form, checking its shape only (verify-signature.ts recomputes the signature). Throws the LabError AWS
 * answers for each missing or malformed part; codes are the JSON-protocol names (`…Exception`),
 * wire-errors.ts gives the Query-protocol ones.
 */
export function readCredentialScope(headers: IncomingHttpHeaders, query: URLSearchParams): SignatureClaim {
  const authorization = headerValue(headers.authorization);
  const presigned = query.has('X-Amz-Algorithm') || query.has('X-Amz-Credential');
  if (authorization !== undefined && presigned) {
    throw new LabError(
      'InvalidSignatureException',
      "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
    );
  }
  if (presigned) return fromQuery(query);
  // AWS treats a missing or non-SigV4 Authorization header (Basic, Bearer, SigV2) as no token at all.
  if (authorization === undefined || !authorization.trim().startsWith('AWS4-')) {
    throw new LabError('MissingAuthenticationTokenException', 'Request is missing Authentication Token');
  }
  return fromHeader(authorization, headers);
}

function fromHeader(authorization: string, headers: IncomingHttpHeaders): SignatureClaim {
  const trimmed = authorization.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw incomplete(`Unsupported AWS 'algorithm': '${algorithm}' (only ${ALGORITHM} for now).`);
  }
  const params = new Map<string, string>();
  for (const part of trimmed.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((name) => !params.get(name));
  if (missing.length > 0) {
    throw incomplete(missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '));
  }
  const amzDate = headerValue(headers['x-amz-date']) ?? isoBasic(headerValue(headers.date));
  if (amzDate === undefined) {
    throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  const signature = params.get('Signature') ?? '';
  checkSignature(signature);
  return {
    ...parseCredential(params.get('Credential') ?? ''),
    signedHeaders: splitSignedHeaders(params.get('SignedHeaders') ?? ''),
    signature,
    amzDate,
    presigned: false,
  };
}

function fromQuery(query: URLSearchParams): SignatureClaim {
  const missing = PRESIGNED_PARAMS.filter((name) => !query.get(name));
  if (missing.length > 0) {
    const list = missing.map((name) => `AWS query-string parameters must include '${name}'.`).join(' ');
    throw incomplete(`${list} Re-examine the query-string parameters.`);
  }
  const algorithm = query.get('X-Amz-Algorithm') ?? '';
  if (algorithm !== ALGORITHM) {
    throw incomplete(`Unsupported AWS 'algorithm': '${algorithm}' (only ${ALGORITHM} for now).`);
  }
  const signature = query.get('X-Amz-Signature') ?? '';
  checkSignature(signature);
  return {
    ...parseCredential(query.get('X-Amz-Credential') ?? ''),
    signedHeaders: splitSignedHeaders(query.get('X-Amz-SignedHeaders') ?? ''),
    signature,
    amzDate: query.get('X-Amz-Date') ?? '',
    presigned: true,
  };
}

function splitSignedHeaders(list: string): string[] {
  return list.split(';').map((name) => name.trim().toLowerCase());
}

/** A `Date` header (RFC 7231) as SigV4's `YYYYMMDDTHHMMSSZ`, the form the string to sign carries. */
function isoBasic(httpDate: string | undefined): string | undefined {
  if (httpDate === undefined) return undefined;
  const time = Date.parse(httpDate);
  if (Number.isNaN(time)) return undefined;
  return new Date(time)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function parseCredential(credential: string): CredentialScope {
  const parts = credential.replace(/\/+$/, '').split('/');
  const [accessKeyId, date, region, service, terminator] = parts;
  if (parts.length !== 5 || !accessKeyId || !date || !region || !service || !terminator) {
    throw incomplete(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    );
  }
  if (terminator !== TERMINATOR) {
    throw new LabError(
      'InvalidSignatureException',
      `Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${terminator}'.`,
    );
  }
  return { accessKeyId, date, region, service };
}

function checkSignature(signature: string): void {
  if (!/^[0-9a-f]+$/i.test(signature)) {
    throw new LabError(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided.',
    );
  }
}

function incomplete(message: string): LabError {
  return new LabError('IncompleteSignatureException', message);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}
