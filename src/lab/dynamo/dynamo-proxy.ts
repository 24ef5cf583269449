import { Agent, type IncomingHttpHeaders } from 'node:http';
import type { LabRequest, ServiceHandler } from '../edge/types';
import type { DynamoFaults } from '../faults';
import { LabError } from '../lab-error';
import { DATA_PLANE_OPERATIONS, supportsOperation, type DynamoBackendKind } from './backend-capabilities';
import { postToBackend } from './backend-request';
import { waitUntilDynaliteTableActive } from './dynalite-active';

export interface DynamoProxyOptions {
  kind: DynamoBackendKind;
  /** The backend's own endpoint, `http://127.0.0.1:PORT`. */
  endpoint: string;
  /** Per call; a scan of a big table on DynamoDB Local takes seconds, never this long. */
  timeoutMs?: number;
  /** For tests: the source of the throttle fault's dice. */
  random?: () => number;
}

export interface DynamoProxy {
  handler: ServiceHandler;
  faults: DynamoFaults;
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const ERROR_PREFIX = 'com.amazonaws.dynamodb.v20120810#';
const FORWARDED_REQUEST_HEADERS = [
  'content-type',
  'x-amz-target',
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
];
const RETURNED_HEADERS = ['content-type', 'x-amz-crc32', 'x-amzn-requestid'];

/**
 * The `dynamodb` service of the edge: forwards each call to the backend unchanged, answers operations
 * the backend lacks with a clear error naming it, and injects throttling on demand.
 */
export function createDynamoProxy(opts: DynamoProxyOptions): DynamoProxy {
  const endpoint = new URL(opts.endpoint);
  const random = opts.random ?? Math.random;
  // Kept-alive sockets to the backend: one TCP handshake per connection, not per call.
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  let throttleShare = 0;

  const handler: ServiceHandler = async (req: LabRequest) => {
    const operation = req.target?.split('.')[1] ?? '';
    if (!supportsOperation(opts.kind, operation))
      throw unsupported(opts.kind, operation || '(no X-Amz-Target)');
    if (throttleShare > 0 && DATA_PLANE_OPERATIONS.has(operation) && random() < throttleShare) {
      throw throttled(throttleShare);
    }
    const headers = pick(req.headers, FORWARDED_REQUEST_HEADERS);
    const reply = await postToBackend(endpoint, {
      path: req.url,
      headers,
      body: req.body,
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      agent,
    }).catch((error: unknown) => {
      throw unreachable(opts.kind, error);
    });
    if (opts.kind === 'dynalite' && operation === 'CreateTable' && reply.status === 200) {
      await waitUntilDynaliteTableActive(endpoint, headers, req.body, agent);
    }
    return { status: reply.status, headers: pick(reply.headers, RETURNED_HEADERS), body: reply.body };
  };

  return {
    handler,
    faults: {
      setThrottle(share) {
        if (!Number.isFinite(share) || share < 0 || share > 1) {
          throw new LabError(
            'ValidationException',
            `The throttle share must be between 0 and 1, not ${share}.`,
          );
        }
        throttleShare = share;
      },
    },
    close: () => agent.destroy(),
  };
}

function pick(headers: IncomingHttpHeaders, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined) picked[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return picked;
}

function unsupported(kind: DynamoBackendKind, operation: string): LabError {
  return new LabError(
    `${ERROR_PREFIX}UnknownOperationException`,
    `${operation} is not supported by ${kind}, the lab's DynamoDB backend when Java or the DynamoDB Local jar ` +
      'is missing (it has no PartiQL, transactions, streams or TTL changes). Install Java 17+ and the lab runs ' +
      'DynamoDB Local instead.',
  );
}

function throttled(share: number): LabError {
  return new LabError(
    `${ERROR_PREFIX}ProvisionedThroughputExceededException`,
    'The level of configured provisioned throughput for the table was exceeded. Consider increasing your ' +
      `provisioning level with the UpdateTable API. (Lab fault: ${Math.round(share * 100)}% of calls are throttled.)`,
  );
}

function unreachable(kind: DynamoBackendKind, error: unknown): LabError {
  const reason = error instanceof Error ? error.message : String(error);
  return new LabError(
    `${ERROR_PREFIX}InternalServerError`,
    `The lab's DynamoDB backend (${kind}) did not answer: ${reason}`,
    500,
  );
}
