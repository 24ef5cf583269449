import type { ErrorCode } from '@shared/errors';
import type { ApiError } from '@renderer/api/api-error';

export interface AwsErrorText {
  title: string;
  /** What to do about it, when the message alone does not say. */
  hint?: string;
  /** A command to run in a terminal (SSO login), shown with a copy button. */
  command?: string;
  /** AWS's own code (`AccessDenied`, `InvalidParameterCombination`, …) when AWS sent one. */
  awsCode?: string;
}

const TITLES: Partial<Record<ErrorCode, { title: string; hint?: string }>> = {
  SSO_EXPIRED: { title: 'AWS SSO session expired', hint: 'Sign in again in a terminal, then retry.' },
  CREDENTIALS_MISSING: { title: 'No AWS credentials' },
  ACCESS_DENIED: {
    title: 'Access denied',
    hint: 'The IAM policy of this profile does not allow the call; ask for the permission named above.',
  },
  AUTH_FAILED: {
    title: 'Credentials rejected',
    hint: 'The keys have expired or were deleted. Renew them and retry.',
  },
  THROTTLED: { title: 'AWS is throttling requests', hint: 'Wait a moment, then refresh.' },
  UNREACHABLE: { title: 'Cannot reach the endpoint' },
  TIMEOUT: { title: 'Timed out' },
  CANCELLED: { title: 'Cancelled', hint: 'The MFA prompt was dismissed; refresh to be asked again.' },
  NOT_FOUND: { title: 'Not found' },
  INVALID_REQUEST: { title: 'Invalid request' },
  CONNECTION_LOST: { title: 'Connection to the app lost' },
};

function detail(err: ApiError, key: string): string | undefined {
  const value = err.details?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Words for an AWS failure. Branches on the stable `code`, never on the message text. */
export function describeAwsError(err: ApiError): AwsErrorText {
  const known = TITLES[err.code];
  const awsCode = detail(err, 'awsCode');
  const text: AwsErrorText = { title: known?.title ?? (awsCode ? `AWS error ${awsCode}` : err.code) };
  if (known?.hint) text.hint = known.hint;
  if (awsCode) text.awsCode = awsCode;
  const command = detail(err, 'command');
  if (err.code === 'SSO_EXPIRED' && command) text.command = command;
  return text;
}
