/** Stable error codes the UI branches on; messages are for people, codes are for code. */
export const ERROR_CODES = [
  'INVALID_REQUEST',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'AUTH_FAILED',
  'UNREACHABLE',
  'TIMEOUT',
  'UNKNOWN_DATABASE',
  'TLS_FAILED',
  'SQL_ERROR',
  'CONNECTION_LOST',
  'THROTTLED',
  'STORAGE_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What crosses the wire in place of a thrown error. */
export interface RpcError {
  name: string;
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** An error a service throws on purpose: its code and message reach the user unchanged. */
export class AppError extends Error {
  override readonly name: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    name = 'AppError',
  ) {
    super(message);
    this.name = name;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
