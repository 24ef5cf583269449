import type { ErrorCode, RpcError } from '@shared/errors';

/** An error envelope turned back into something `throw`-able; the UI branches on `code`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(error: RpcError) {
    super(error.message);
    this.code = error.code;
    this.details = error.details;
  }
}

/** Whatever a query or mutation failed with, as an ApiError (a bug in our own code becomes INTERNAL). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError({ name: 'Error', code: 'INTERNAL', message });
}

/** Field messages from an INVALID_REQUEST error, keyed by the path under `fields.` (e.g. `host`). */
export function fieldIssues(err: ApiError): Record<string, string> {
  const issues = err.details?.['issues'];
  const out: Record<string, string> = {};
  if (err.code !== 'INVALID_REQUEST' || !Array.isArray(issues)) return out;
  for (const issue of issues as unknown[]) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof path === 'string' && typeof message === 'string' && path.startsWith('fields.')) {
      out[path.slice('fields.'.length)] ??= message;
    }
  }
  return out;
}
