import { describe, expect, it } from 'vitest';
import { readCredentialScope } from '../../src/lab/edge/credential-scope';
import { routeService } from '../../src/lab/edge/route-service';
import type { ServiceHandler } from '../../src/lab/edge/types';
import { detectProtocol, renderError } from '../../src/lab/edge/wire-errors';
import { LabError } from '../../src/lab/lab-error';

const SIGNED = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/eu-west-1/dynamodb/aws4_request, ' +
    'SignedHeaders=host;x-amz-date, Signature=0a1b2c',
  'x-amz-date': '20240101T000000Z',
};

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof LabError ? error.code : `not a LabError: ${String(error)}`;
  }
  return undefined;
}

describe('readCredentialScope', () => {
  it('reads key, scope, signed headers, signature and time from the Authorization header', () => {
    expect(readCredentialScope(SIGNED, new URLSearchParams())).toEqual({
      accessKeyId: 'AKIDEXAMPLE',
      date: '20240101',
      region: 'eu-west-1',
      service: 'dynamodb',
      signedHeaders: ['host', 'x-amz-date'],
      signature: '0a1b2c',
      amzDate: '20240101T000000Z',
      presigned: false,
    });
  });

  it('reads the presigned query form', () => {
    const query = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'test/20240101/us-east-1/rds/aws4_request',
      'X-Amz-Date': '20240101T000000Z',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': 'ff00',
    });
    expect(readCredentialScope({}, query)).toMatchObject({ accessKeyId: 'test', service: 'rds' });
  });

  it('treats no header, or a non-SigV4 one, as a missing token', () => {
    expect(codeOf(() => readCredentialScope({}, new URLSearchParams()))).toBe(
      'MissingAuthenticationTokenException',
    );
    expect(codeOf(() => readCredentialScope({ authorization: 'Bearer abc' }, new URLSearchParams()))).toBe(
      'MissingAuthenticationTokenException',
    );
  });

  it('refuses incomplete signatures as AWS does', () => {
    const scope = (headers: Record<string, string>): string | undefined =>
      codeOf(() => readCredentialScope(headers, new URLSearchParams()));
    expect(scope({ ...SIGNED, authorization: 'AWS4-HMAC-SHA256 Credential=a/b/c/d/aws4_request' })).toBe(
      'IncompleteSignatureException',
    );
    expect(scope({ authorization: SIGNED.authorization })).toBe('IncompleteSignatureException');
    expect(scope({ ...SIGNED, authorization: SIGNED.authorization.replace('eu-west-1/', '') })).toBe(
      'IncompleteSignatureException',
    );
    expect(scope({ ...SIGNED, authorization: SIGNED.authorization.replace('aws4_request', 'aws5') })).toBe(
      'InvalidSignatureException',
    );
    expect(scope({ ...SIGNED, authorization: SIGNED.authorization.replace('0a1b2c', 'not-hex') })).toBe(
      'InvalidSignatureException',
    );
    expect(scope({ ...SIGNED, authorization: SIGNED.authorization.replace('HMAC-SHA256', 'HMAC-MD5') })).toBe(
      'IncompleteSignatureException',
    );
  });

  it('refuses a header and a presigned query together', () => {
    const query = new URLSearchParams({ 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' });
    expect(codeOf(() => readCredentialScope(SIGNED, query))).toBe('InvalidSignatureException');
  });
});

describe('routeService', () => {
  const dynamodb: ServiceHandler = async () => ({ status: 200, headers: {}, body: 'ddb' });
  const secretsmanager: ServiceHandler = async () => ({ status: 200, headers: {}, body: 'sm' });
  const services = { dynamodb, secretsmanager };

  it('routes by the credential scope first', () => {
    expect(routeService(services, 'secretsmanager', 'DynamoDB_20120810.Scan').handler).toBe(secretsmanager);
  });

  it('falls back to the X-Amz-Target prefix (streams ride on dynamodb)', () => {
    expect(routeService(services, 'streams.dynamodb', 'DynamoDBStreams_20120810.ListStreams').service).toBe(
      'dynamodb',
    );
    expect(routeService(services, 'other', 'secretsmanager.ListSecrets').handler).toBe(secretsmanager);
  });

  it('names the unknown service and what is served', () => {
    expect(() => routeService(services, 'sqs', undefined)).toThrow(
      /does not serve 'sqs'.*dynamodb, secretsmanager/,
    );
    expect(() => routeService({}, 'rds', undefined)).toThrow(/It serves: nothing yet/);
  });
});

describe('wire errors', () => {
  it('detects JSON protocols by X-Amz-Target or content type, Query otherwise', () => {
    expect(detectProtocol({ 'x-amz-target': 'secretsmanager.ListSecrets' })).toBe('json');
    expect(detectProtocol({ 'content-type': 'application/x-amz-json-1.0' })).toBe('json');
    expect(detectProtocol({ 'content-type': 'application/x-www-form-urlencoded' })).toBe('query');
    expect(detectProtocol({})).toBe('query');
  });

  it('renders JSON errors with __type and the request content type', () => {
    const response = renderError('json', new LabError('ResourceNotFoundException', 'gone'), {
      'content-type': 'application/x-amz-json-1.0',
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(JSON.parse(String(response.body))).toEqual({
      __type: 'ResourceNotFoundException',
      message: 'gone',
    });
  });

  it('renders Query errors as XML, with the Query names and statuses of the edge errors', () => {
    const missing = renderError(
      'query',
      new LabError('MissingAuthenticationTokenException', 'no <token>'),
      {},
    );
    expect(missing.status).toBe(403);
    expect(String(missing.body)).toContain('<Code>MissingAuthenticationToken</Code>');
    expect(String(missing.body)).toContain('<Message>no &lt;token&gt;</Message>');
    const rds = renderError('query', new LabError('DBInstanceNotFound', 'x', 404), {});
    expect(rds.status).toBe(404);
    expect(String(rds.body)).toMatch(/<Type>Sender<\/Type><Code>DBInstanceNotFound<\/Code>/);
  });
});
