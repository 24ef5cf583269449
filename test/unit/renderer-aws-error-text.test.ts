import { describe, expect, it } from 'vitest';
import type { RpcError } from '../../src/shared/errors';
import { ApiError } from '../../src/renderer/src/api/api-error';
import { describeAwsError } from '../../src/renderer/src/components/aws-error-text';

const error = (fields: Omit<RpcError, 'name'>) => new ApiError({ name: 'AppError', ...fields });

describe('describeAwsError', () => {
  it('offers the sign-in command for an expired SSO session', () => {
    expect(
      describeAwsError(
        error({
          code: 'SSO_EXPIRED',
          message: 'The SSO session for profile work has expired',
          details: { command: 'aws sso login --profile work' },
        }),
      ),
    ).toEqual({
      title: 'AWS SSO session expired',
      hint: 'Sign in again in a terminal, then retry.',
      command: 'aws sso login --profile work',
    });
  });

  it('offers a command for SSO only', () => {
    expect(
      describeAwsError(error({ code: 'ACCESS_DENIED', message: 'no', details: { command: 'rm -rf /' } }))
        .command,
    ).toBeUndefined();
  });

  it("keeps AWS's own code beside the app's words", () => {
    expect(
      describeAwsError(
        error({
          code: 'ACCESS_DENIED',
          message: 'User is not authorized to perform: rds:DescribeDBInstances',
          details: { awsCode: 'AccessDenied' },
        }),
      ),
    ).toEqual({
      title: 'Access denied',
      hint: 'The IAM policy of this profile does not allow the call; ask for the permission named above.',
      awsCode: 'AccessDenied',
    });
  });

  it('titles any other AWS error by its AWS code', () => {
    expect(
      describeAwsError(
        error({
          code: 'AWS_ERROR',
          message: 'Cannot create a read replica because backups are off',
          details: { awsCode: 'InvalidDBInstanceState' },
        }),
      ),
    ).toEqual({ title: 'AWS error InvalidDBInstanceState', awsCode: 'InvalidDBInstanceState' });
  });

  it('falls back to the code when nothing else names the failure', () => {
    expect(describeAwsError(error({ code: 'INTERNAL', message: 'boom' }))).toEqual({ title: 'INTERNAL' });
    expect(describeAwsError(error({ code: 'AWS_ERROR', message: 'x', details: { awsCode: '' } }))).toEqual({
      title: 'AWS_ERROR',
    });
  });

  it('branches on the code, never on the message text', () => {
    const a = describeAwsError(error({ code: 'THROTTLED', message: 'Rate exceeded' }));
    const b = describeAwsError(error({ code: 'THROTTLED', message: 'Access denied, SSO expired' }));
    expect(a).toEqual(b);
    expect(a).toEqual({ title: 'AWS is throttling requests', hint: 'Wait a moment, then refresh.' });
  });

  it('ignores details that are not text', () => {
    expect(
      describeAwsError(error({ code: 'SSO_EXPIRED', message: 'x', details: { command: 42, awsCode: {} } })),
    ).toEqual({ title: 'AWS SSO session expired', hint: 'Sign in again in a terminal, then retry.' });
  });
});
