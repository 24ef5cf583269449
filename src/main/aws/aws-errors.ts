import type { AwsPartError } from '../../shared/models/aws';
import { AppError, type ErrorCode } from '../../shared/errors';

// AWS spells one meaning many ways across services and protocols (Query codes, JSON `…Exception`
// names, SDK fault classes); the UI branches on one stable code per meaning.
const BY_AWS_CODE: Record<string, ErrorCode> = {
  AccessDenied: 'ACCESS_DENIED',
  AccessDeniedException: 'ACCESS_DENIED',
  UnauthorizedOperation: 'ACCESS_DENIED',
  AuthorizationError: 'ACCESS_DENIED',
  NotAuthorized: 'ACCESS_DENIED',
  Throttling: 'THROTTLED',
  ThrottlingException: 'THROTTLED',
  TooManyRequestsException: 'THROTTLED',
  RequestLimitExceeded: 'THROTTLED',
  RequestThrottled: 'THROTTLED',
  RequestThrottledException: 'THROTTLED',
  SlowDown: 'THROTTLED',
  DBInstanceNotFound: 'NOT_FOUND',
  DBInstanceNotFoundFault: 'NOT_FOUND',
  DBSnapshotNotFound: 'NOT_FOUND',
  DBSnapshotNotFoundFault: 'NOT_FOUND',
  DBClusterNotFoundFault: 'NOT_FOUND',
  ResourceNotFoundException: 'NOT_FOUND',
  // Keys AWS does not accept: expired session tokens, deleted keys, a region not enabled.
  ExpiredToken: 'AUTH_FAILED',
  ExpiredTokenException: 'AUTH_FAILED',
  RequestExpired: 'AUTH_FAILED',
  InvalidClientTokenId: 'AUTH_FAILED',
  UnrecognizedClientException: 'AUTH_FAILED',
  SignatureDoesNotMatch: 'AUTH_FAILED',
  InvalidSignatureException: 'AUTH_FAILED',
  AuthFailure: 'AUTH_FAILED',
};

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH']);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

/** AWS's own code for an SDK error: the Query protocol's `Code` if kept, else the exception's name. */
export function awsCodeOf(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const code = (err as { Code?: unknown }).Code;
  return typeof code === 'string' && code !== '' ? code : err.name;
}

/** The stable code for an AWS error (or a network failure on the way to AWS). */
export function errorCodeFor(err: unknown): ErrorCode {
  if (err instanceof AppError) return err.code;
  const awsCode = awsCodeOf(err);
  const name = err instanceof Error ? err.name : undefined;
  const mapped = (awsCode && BY_AWS_CODE[awsCode]) || (name && BY_AWS_CODE[name]);
  if (mapped) return mapped;
  const sysCode = (err as { code?: unknown } | undefined)?.code;
  if (typeof sysCode === 'string' && NETWORK_CODES.has(sysCode)) return 'UNREACHABLE';
  if (sysCode === 'ETIMEDOUT' || (name && TIMEOUT_NAMES.has(name))) return 'TIMEOUT';
  return (err as { $metadata?: unknown } | undefined)?.$metadata ? 'AWS_ERROR' : 'INTERNAL';
}

/**
 * Any failure of an AWS call as an AppError with a stable code, AWS's code kept in `details.awsCode`
 * and the HTTP status and request id when AWS sent them (what AWS support asks for). `context` says
 * what was being done ("Listing RDS instances in eu-west-1").
 */
export function toAwsError(err: unknown, context?: string): AppError {
  if (err instanceof AppError) return err;
  const code = errorCodeFor(err);
  const message = err instanceof Error ? err.message : String(err);
  const awsCode = code === 'UNREACHABLE' || code === 'INTERNAL' ? undefined : awsCodeOf(err);
  const meta = (err as { $metadata?: { httpStatusCode?: number; requestId?: string } } | undefined)
    ?.$metadata;
  const details: Record<string, unknown> = {};
  if (awsCode) details.awsCode = awsCode;
  if (meta?.httpStatusCode) details.httpStatus = meta.httpStatusCode;
  if (meta?.requestId) details.requestId = meta.requestId;
  const text = context ? `${context}: ${message}` : message;
  return new AppError(code, awsCode ? `${text} (${awsCode})` : text, details, 'AwsError');
}

/** The in-place form of an error, for one region or one part of a result. */
export function toPartError(err: unknown, context?: string): AwsPartError {
  const error = toAwsError(err, context);
  const awsCode = error.details?.awsCode;
  return {
    code: error.code,
    message: error.message,
    ...(typeof awsCode === 'string' ? { awsCode } : {}),
  };
}

/**
 * An action's failure as the user sees it next to the button: AWS's message unchanged (no context,
 * no suffix; the UI shows `details.awsCode` beside it), with the stable code and AWS's code kept.
 */
export function toActionError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const mapped = toAwsError(err);
  const message = err instanceof Error && err.message ? err.message : mapped.message;
  return new AppError(mapped.code, message, mapped.details, mapped.name);
}
