import { ZodError } from 'zod';
import { isChannel, requestSchemas, type Channel, type ParsedReq, type Res } from './contract';
import { AppError, isErrorCode, type RpcError } from './errors';
import { requestShapeProblem } from './request-shape';

export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: RpcError };

export interface CallContext {
  transport: 'ipc' | 'ws' | 'direct';
}

export type Handler<C extends Channel> = (req: ParsedReq<C>, ctx: CallContext) => Promise<Res<C>> | Res<C>;
export type Handlers = { [C in Channel]: Handler<C> };

/**
 * Validates a request against its channel's schema and runs the handler. Never throws or rejects:
 * every failure, including an unknown channel, a request too deep or too large to validate, a getter
 * that throws while being read, or a handler throwing a non-Error, comes back as an error envelope.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawReq: unknown,
  ctx: CallContext,
): Promise<Envelope> {
  try {
    return await validateAndRun(handlers, channel, rawReq, ctx);
  } catch (err) {
    return fail(safeRpcError(err));
  }
}

async function validateAndRun(
  handlers: Handlers,
  channel: unknown,
  rawReq: unknown,
  ctx: CallContext,
): Promise<Envelope> {
  if (!isChannel(channel)) {
    return fail({
      name: 'RpcError',
      code: 'UNKNOWN_CHANNEL',
      message: `Unknown channel: ${describe(channel)}`,
    });
  }
  let parsed;
  try {
    // zod recurses: depth and size are bounded first, or a deep request overflows the stack.
    const shape = requestShapeProblem(rawReq);
    if (shape) return fail(invalid(`Invalid request: ${shape}`));
    parsed = requestSchemas[channel].safeParse(rawReq ?? {});
  } catch {
    // A request that cannot even be walked (a throwing getter from a direct caller) is refused, not thrown.
    return fail(invalid('Invalid request: it could not be read'));
  }
  if (!parsed.success) {
    return fail(toRpcError(parsed.error));
  }
  try {
    const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    return fail(safeRpcError(err));
  }
}

function invalid(message: string): RpcError {
  return { name: 'ValidationError', code: 'INVALID_REQUEST', message };
}

/** toRpcError for anything at all: a thrown value that cannot even be turned into text is INTERNAL. */
function safeRpcError(err: unknown): RpcError {
  try {
    return toRpcError(err);
  } catch {
    return { name: 'Error', code: 'INTERNAL', message: 'The app failed in an unexpected way.' };
  }
}

export function toRpcError(err: unknown): RpcError {
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    const first = issues[0];
    return {
      name: 'ValidationError',
      code: 'INVALID_REQUEST',
      message: first ? `Invalid request: ${first.path || 'request'}: ${first.message}` : 'Invalid request',
      details: { issues },
    };
  }
  if (err instanceof AppError) {
    return {
      name: err.name,
      code: err.code,
      message: err.message,
      ...(err.details ? { details: err.details } : {}),
    };
  }
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { name: err.name, code: isErrorCode(code) ? code : 'INTERNAL', message: err.message };
  }
  return { name: 'Error', code: 'INTERNAL', message: String(err) };
}

function fail(error: RpcError): Envelope {
  return { ok: false, error };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
}
