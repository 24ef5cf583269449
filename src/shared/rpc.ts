import { ZodError } from 'zod';
import { isChannel, requestSchemas, type Channel, type ParsedReq, type Res } from './contract';
import { AppError, isErrorCode, type RpcError } from './errors';

export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: RpcError };

export interface CallContext {
  transport: 'ipc' | 'ws' | 'direct';
}

export type Handler<C extends Channel> = (req: ParsedReq<C>, ctx: CallContext) => Promise<Res<C>> | Res<C>;
export type Handlers = { [C in Channel]: Handler<C> };

/**
 * Validates a request against its channel's schema and runs the handler. Never throws: every failure,
 * including an unknown channel or a malformed request, comes back as an error envelope.
 */
export async function dispatch(
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
  const parsed = requestSchemas[channel].safeParse(rawReq ?? {});
  if (!parsed.success) {
    return fail(toRpcError(parsed.error));
  }
  try {
    const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    return fail(toRpcError(err));
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
