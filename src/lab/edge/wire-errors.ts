import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { LabError } from '../lab-error';
import type { LabResponse } from './types';

/** JSON protocols (DynamoDB 1.0, Secrets Manager 1.1) vs the Query protocol (RDS: form in, XML out). */
export type WireProtocol = 'json' | 'query';

/** JSON protocols always carry `X-Amz-Target` and a JSON content type; everything else is Query. */
export function detectProtocol(headers: IncomingHttpHeaders): WireProtocol {
  const contentType = String(headers['content-type'] ?? '');
  return headers['x-amz-target'] !== undefined || contentType.includes('json') ? 'json' : 'query';
}

/** The JSON content type to answer with: the request's own version (1.0 or 1.1), 1.1 by default. */
export function jsonContentType(headers: IncomingHttpHeaders): string {
  const contentType = String(headers['content-type'] ?? '');
  return contentType.startsWith('application/x-amz-json-1.0')
    ? 'application/x-amz-json-1.0'
    : 'application/x-amz-json-1.1';
}

// The edge's own errors carry JSON-protocol names; Query-protocol services use these names and statuses
// instead (an unsigned RDS call gets 403 MissingAuthenticationToken; DynamoDB answers 400 with the
// `…Exception` name, as DynamoDB Local and dynalite reproduce from the real service).
const QUERY_EQUIVALENTS: Record<string, { code: string; status: number }> = {
  MissingAuthenticationTokenException: { code: 'MissingAuthenticationToken', status: 403 },
  IncompleteSignatureException: { code: 'IncompleteSignature', status: 400 },
  InvalidSignatureException: { code: 'SignatureDoesNotMatch', status: 403 },
  UnrecognizedClientException: { code: 'InvalidClientTokenId', status: 403 },
  UnknownOperationException: { code: 'InvalidAction', status: 400 },
  RequestEntityTooLargeException: { code: 'RequestEntityTooLarge', status: 413 },
  AccessDeniedException: { code: 'AccessDenied', status: 403 },
};

/** An AWS-style error response in the request's protocol. */
export function renderError(
  protocol: WireProtocol,
  error: LabError,
  headers: IncomingHttpHeaders,
): LabResponse {
  const requestId = randomUUID();
  if (protocol === 'json') {
    return {
      status: error.status,
      headers: { 'content-type': jsonContentType(headers), 'x-amzn-requestid': requestId },
      body: JSON.stringify({ __type: error.code, message: error.message }),
    };
  }
  const { code, status } = QUERY_EQUIVALENTS[error.code] ?? { code: error.code, status: error.status };
  const type = status >= 500 ? 'Receiver' : error.type;
  const body =
    `<ErrorResponse><Error><Type>${type}</Type><Code>${xmlEscape(code)}</Code>` +
    `<Message>${xmlEscape(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

/** Anything thrown by a handler that is not a LabError: a 500 that names no internals. */
export function internalFailure(): LabError {
  return new LabError(
    'InternalFailure',
    'The request processing has failed because of an unknown error.',
    500,
  );
}

// Element text only (no attributes), so quotes stay as they are and messages stay readable.
const XML_ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

function xmlEscape(text: string): string {
  return text.replace(/[<>&]/g, (char) => XML_ENTITIES[char] ?? char);
}
