import type { IncomingHttpHeaders } from 'node:http';
import { LabError } from '../lab-error';

/** What a SigV4 credential scope tells: `AKID/DATE/REGION/SERVICE/aws4_request`. */
export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
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
 * Reads the credential scope of a SigV4-signed request, from the `Authorization` header or the
 * presigned `X-Amz-*` query form. The signature itself is not verified: the lab accepts any key, as
 * DynamoDB Local does, so only the shape is checked. The date is not checked either, so a skewed clock
 * never breaks a local lab. Throws the LabError AWS answers for each missing or malformed part; codes
 * are the JSON-protocol names (`…Exception`), `queryErrorCode` gives the Query-protocol ones.
 */
export function readCredentialScope(headers: IncomingHttpHeaders, query: URLSearchParams): CredentialScope {
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

function fromHeader(authorization: string, headers: IncomingHttpHeaders): CredentialScope {
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
  if (headerValue(headers['x-amz-date']) === undefined && headerValue(headers.date) === undefined) {
    throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  checkSignature(params.get('Signature') ?? '');
  return parseCredential(params.get('Credential') ?? '');
}

function fromQuery(query: URLSearchParams): CredentialScope {
  const missing = PRESIGNED_PARAMS.filter((name) => !query.get(name));
  if (missing.length > 0) {
    const list = missing.map((name) => `AWS query-string parameters must include '${name}'.`).join(' ');
    throw incomplete(`${list} Re-examine the query-string parameters.`);
  }
  const algorithm = query.get('X-Amz-Algorithm') ?? '';
  if (algorithm !== ALGORITHM) {
    throw incomplete(`Unsupported AWS 'algorithm': '${algorithm}' (only ${ALGORITHM} for now).`);
  }
  checkSignature(query.get('X-Amz-Signature') ?? '');
  return parseCredential(query.get('X-Amz-Credential') ?? '');
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
