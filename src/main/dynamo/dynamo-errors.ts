import { AppError } from '../../shared/errors';
import { awsCodeOf, toAwsError } from '../aws/aws-errors';

// DynamoDB's own names for meanings the UI branches on, on top of the AWS-wide mapping.
const UNSUPPORTED_CODES = new Set(['UnknownOperationException']);
const THROTTLE_CODES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'Throttling',
]);

export function isThrottle(err: unknown): boolean {
  const code = awsCodeOf(err);
  return code !== undefined && THROTTLE_CODES.has(code);
}

/** Worth another try: throttling, and the service's own transient failures. */
export function isRetryable(err: unknown): boolean {
  if (isThrottle(err)) return true;
  const status = (err as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  const sys = (err as { code?: unknown } | undefined)?.code;
  return (status !== undefined && status >= 500) || sys === 'ECONNRESET';
}

/** A DynamoDB failure as the AppError the UI sees; `context` says what was being done. */
export function toDynamoError(err: unknown, context: string): AppError {
  if (err instanceof AppError) return err;
  const code = awsCodeOf(err);
  if (code && UNSUPPORTED_CODES.has(code)) {
    const message = err instanceof Error ? err.message : String(err);
    return new AppError('UNSUPPORTED', `${context}: this endpoint does not support it. ${message}`, {
      awsCode: code,
    });
  }
  if (code === 'ConditionalCheckFailedException') {
    return new AppError('CONFLICT', `${context}: the item changed since it was loaded`, { awsCode: code });
  }
  if (code === 'ValidationException' || code === 'SerializationException') {
    const mapped = toAwsError(err, context);
    return new AppError('INVALID_REQUEST', mapped.message, mapped.details, 'AwsError');
  }
  return toAwsError(err, context);
}

export function unsupported(feature: string, backend: string): AppError {
  return new AppError(
    'UNSUPPORTED',
    `${feature} is not available on this endpoint (${backend}). The lab runs DynamoDB Local, which has it, when Java 17+ is installed.`,
    { feature, backend },
  );
}
