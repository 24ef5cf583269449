import { DBInstanceNotFoundFault, RDSServiceException } from '@aws-sdk/client-rds';
import { ResourceNotFoundException } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { toAwsError, toPartError } from '../../src/main/aws/aws-errors';
import { credentialError } from '../../src/main/aws/credential-errors';
import { AppError } from '../../src/shared/errors';
import type { AwsProfile } from '../../src/shared/models/aws';
import { toRpcError } from '../../src/shared/rpc';

const meta = { httpStatusCode: 400, requestId: 'req-1' };

/** A Query-protocol error as the SDK builds it for a code it has no class for. */
function queryError(code: string, message: string, status = 400): RDSServiceException {
  return Object.assign(
    new RDSServiceException({
      name: code,
      $fault: 'client',
      $metadata: { ...meta, httpStatusCode: status },
      message,
    }),
    { Code: code },
  );
}

describe('toAwsError', () => {
  it.each([
    ['AccessDenied', 'ACCESS_DENIED'],
    ['AccessDeniedException', 'ACCESS_DENIED'],
    ['UnauthorizedOperation', 'ACCESS_DENIED'],
    ['Throttling', 'THROTTLED'],
    ['ThrottlingException', 'THROTTLED'],
    ['RequestLimitExceeded', 'THROTTLED'],
    ['ExpiredToken', 'AUTH_FAILED'],
    ['InvalidClientTokenId', 'AUTH_FAILED'],
    ['InvalidParameterValue', 'AWS_ERROR'],
    ['InvalidDBInstanceState', 'AWS_ERROR'],
  ])('maps %s to %s, keeping AWS’s code', (code, expected) => {
    const err = toAwsError(queryError(code, 'it failed'), 'Listing RDS instances in us-east-1');
    expect(err.code).toBe(expected);
    expect(err.details).toEqual({ awsCode: code, httpStatus: 400, requestId: 'req-1' });
    expect(err.message).toBe(`Listing RDS instances in us-east-1: it failed (${code})`);
  });

  it('maps the SDK’s fault classes by their code and by their name', () => {
    const fault = new DBInstanceNotFoundFault({ $metadata: meta, message: 'DBInstance nope not found.' });
    expect(toAwsError(fault)).toMatchObject({
      code: 'NOT_FOUND',
      details: { awsCode: 'DBInstanceNotFoundFault' },
    });
    Object.assign(fault, { Code: 'DBInstanceNotFound' });
    expect(toAwsError(fault)).toMatchObject({
      code: 'NOT_FOUND',
      details: { awsCode: 'DBInstanceNotFound' },
    });
    const secret = new ResourceNotFoundException({
      $metadata: meta,
      message: "Secrets Manager can't find it",
    });
    expect(toAwsError(secret).code).toBe('NOT_FOUND');
  });

  it('tells network failures from AWS answers', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
    expect(toAwsError(refused)).toMatchObject({ code: 'UNREACHABLE', details: {} });
    const timeout = Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    expect(toAwsError(timeout).code).toBe('TIMEOUT');
    expect(toAwsError(new Error('boom')).code).toBe('INTERNAL');
  });

  it('passes AppErrors through and survives the wire with its code', () => {
    const original = new AppError('SSO_EXPIRED', 'run aws sso login');
    expect(toAwsError(original)).toBe(original);
    const wire = toRpcError(toAwsError(queryError('Throttling', 'Rate exceeded')));
    expect(wire).toEqual({
      name: 'AwsError',
      code: 'THROTTLED',
      message: 'Rate exceeded (Throttling)',
      details: { awsCode: 'Throttling', httpStatus: 400, requestId: 'req-1' },
    });
    expect(toPartError(queryError('AccessDenied', 'no'))).toEqual({
      code: 'ACCESS_DENIED',
      message: 'no (AccessDenied)',
      awsCode: 'AccessDenied',
    });
  });
});

describe('credentialError', () => {
  const sso: AwsProfile = { name: 'dev', label: 'dev', kind: 'sso', source: 'config' };
  const role: AwsProfile = {
    name: 'admin',
    label: 'admin',
    kind: 'assume-role',
    source: 'config',
    roleArn: 'arn:r',
  };

  it.each([
    'The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.',
    "Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
    'The SSO session token associated with profile=dev was not found or is invalid.',
  ])('turns the SDK’s SSO message into SSO_EXPIRED with the command: %s', (message) => {
    const err = credentialError(new Error(message), { profile: sso });
    expect(err.code).toBe('SSO_EXPIRED');
    expect(err.message).toContain('`aws sso login --profile dev`');
  });

  it('treats the SSO portal’s UnauthorizedException as an expired session', () => {
    const err = Object.assign(new Error('Session token not found or invalid'), {
      name: 'UnauthorizedException',
    });
    expect(credentialError(err, { profile: role, ssoLoginProfile: 'dev' })).toMatchObject({
      code: 'SSO_EXPIRED',
      details: { command: 'aws sso login --profile dev', profile: 'admin' },
    });
  });

  it('keeps AWS’s own refusal of AssumeRole', () => {
    const denied = queryError('AccessDenied', 'User is not authorized to perform: sts:AssumeRole', 403);
    expect(credentialError(denied, { profile: role })).toMatchObject({
      code: 'ACCESS_DENIED',
      message: expect.stringContaining('Getting credentials for profile admin'),
    });
  });

  it('says what a profile lacks otherwise', () => {
    const err = credentialError(new Error('Could not resolve credentials using profile: [admin]'), {
      profile: role,
    });
    expect(err).toMatchObject({
      code: 'CREDENTIALS_MISSING',
      details: { profile: 'admin', kind: 'assume-role' },
    });
    expect(err.message).toContain('could not assume arn:r');
  });
});
