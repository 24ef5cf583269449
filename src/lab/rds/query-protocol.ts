import { randomUUID } from 'node:crypto';
import type { Logger } from '../../node/logger';
import type { LabResponse, ServiceHandler } from '../edge/types';
import { LabError } from '../lab-error';
import type { Action, ActionContext } from './action-context';
import { internalFailure, invalidAction, missingAction, serviceUnavailable } from './errors';
import { QueryParams } from './query-params';
import { renderError, renderResponse } from './xml';

export interface QueryHandlerOptions {
  actions: Readonly<Record<string, Action>>;
  context: ActionContext;
  log: Logger;
  /** True once the service is shutting down: requests are refused instead of starting new work. */
  closing(): boolean;
  newRequestId?: () => string;
}

/**
 * The RDS Query protocol: form-encoded parameters in (body or query string), `<ActionResponse>` XML
 * out, errors as `<ErrorResponse>` with the RDS code and HTTP status. Nothing a request holds can make
 * it throw: unexpected failures are logged and answered as InternalFailure (500).
 */
export function createQueryHandler(opts: QueryHandlerOptions): ServiceHandler {
  const newRequestId = opts.newRequestId ?? randomUUID;
  return async (req) => {
    const requestId = newRequestId();
    try {
      if (opts.closing()) throw serviceUnavailable();
      const search = new URL(req.url, 'http://lab.invalid').search;
      const params = QueryParams.parse(req.body.toString('utf8'), search);
      const action = params.string('Action');
      if (action === undefined) throw missingAction();
      const run = Object.hasOwn(opts.actions, action) ? opts.actions[action] : undefined;
      if (run === undefined) throw invalidAction(action);
      refuseChangeWithoutPost(req.method, action);
      const result = await run(params, opts.context);
      return xmlResponse(200, renderResponse(action, result, requestId), requestId);
    } catch (error) {
      const failure = error instanceof LabError ? error : unexpected(opts.log, error);
      return xmlResponse(failure.status, renderError(failure, requestId), requestId);
    }
  };
}

// Reads only: the SDK and the AWS CLI send every action as a POST, so a GET (a link, an <img>) can at
// most describe. Changes come by POST, whose form body is part of what the signature covers.
const READ_ONLY_ACTION = /^(Describe|List)[A-Z]/;

function refuseChangeWithoutPost(method: string, action: string): void {
  if (method === 'POST' || ((method === 'GET' || method === 'HEAD') && READ_ONLY_ACTION.test(action))) return;
  throw new LabError(
    'InvalidRequest',
    `${action} changes the lab, so it is accepted only as a POST (as the AWS SDKs and CLI send it); ` +
      `${method} is served for Describe* and List* actions only.`,
    405,
  );
}

function unexpected(log: Logger, error: unknown): LabError {
  log.error('RDS request failed unexpectedly', {
    error: error instanceof Error ? error.stack : String(error),
  });
  return internalFailure();
}

function xmlResponse(status: number, body: string, requestId: string): LabResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}
