import { randomUUID } from 'node:crypto';
import { LabError } from '../lab-error';
import type { LabRequest, LabResponse } from './types';
import { jsonContentType } from './wire-errors';

/** For services on the AWS JSON protocols (1.0, 1.1): the request's operation and document, the reply. */

/** The operation named by `X-Amz-Target: <prefix>.<Operation>`. */
export function targetOperation(req: LabRequest, prefix: string): string {
  const [targetPrefix, operation, ...rest] = (req.target ?? '').split('.');
  if (targetPrefix !== prefix || !operation || rest.length > 0) {
    throw new LabError(
      'UnknownOperationException',
      `Unknown operation '${req.target ?? '(no X-Amz-Target header)'}'; expected '${prefix}.<Operation>'.`,
    );
  }
  return operation;
}

/** The request's JSON object; AWS answers SerializationException to anything else. */
export function parseJsonRequest(req: LabRequest): Record<string, unknown> {
  const text = req.body.toString('utf8');
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new LabError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LabError('SerializationException', 'Start of structure or map expected in the request body.');
  }
  return value as Record<string, unknown>;
}

/** A successful JSON reply in the request's own JSON protocol version. */
export function jsonReply(req: LabRequest, body: unknown): LabResponse {
  return {
    status: 200,
    headers: { 'content-type': jsonContentType(req.headers), 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify(body ?? {}),
  };
}
