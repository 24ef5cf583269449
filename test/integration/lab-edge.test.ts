import { connect } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEdgeServer, type EdgeServer } from '../../src/lab/edge/edge-server';
import { jsonReply, parseJsonRequest } from '../../src/lab/edge/json-protocol';
import type { LabRequest, LabResponse, ServiceHandler } from '../../src/lab/edge/types';
import { newLabCredentials } from '../../src/lab/lab-credentials';
import { LabError } from '../../src/lab/lab-error';
import { edgeClientConfig, postToEdge, presignedUrl, signedHeaders } from '../support/edge-client';
import { rejectionOf } from '../support/rejection';

const REGION = 'eu-west-1';
const CREDENTIALS = newLabCredentials();
const LIST_TABLES = {
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-target': 'DynamoDB_20120810.ListTables',
};
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const seen: LabRequest[] = [];
const EMPTY_RDS_LIST =
  '<DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBInstancesResult>' +
  '<DBInstances/></DescribeDBInstancesResult></DescribeDBInstancesResponse>';

// Stand-ins for the real services: they record what the edge hands them.
const services: Partial<Record<string, ServiceHandler>> = {
  dynamodb: async (req) => {
    seen.push(req);
    const body = parseJsonRequest(req);
    return jsonReply(req, {
      TableNames: [`${req.service}:${req.region}:${req.accessKeyId}:${req.target}`],
      LastEvaluatedTableName: body.Marker,
    });
  },
  rds: async (req): Promise<LabResponse> => {
    seen.push(req);
    if (req.body.toString().includes('DBInstanceIdentifier=missing')) {
      throw new LabError('DBInstanceNotFound', 'DBInstance missing not found.', 404);
    }
    if (req.body.toString().includes('DBInstanceIdentifier=badheader')) {
      return { status: 200, headers: { 'x-broken': 'line\nbreak' }, body: EMPTY_RDS_LIST };
    }
    if (req.body.toString().includes('DBInstanceIdentifier=crash'))
      throw new Error('internal detail /etc/passwd');
    return { status: 200, headers: { 'content-type': 'text/xml' }, body: EMPTY_RDS_LIST };
  },
};
let edge: EdgeServer;

beforeAll(async () => {
  edge = await startEdgeServer({
    port: 0,
    services,
    admin: {},
    credentials: CREDENTIALS,
    maxBodyBytes: 64 * 1024,
  });
});

afterAll(async () => {
  await edge?.close();
});

const failure = (call: Promise<unknown>): Promise<Error> => rejectionOf(call, Error);
const post = (path: string, headers: Record<string, string>, body: string) =>
  postToEdge(edge.url, path, headers, body);
/** A POST signed with the lab's key for `service`, as a correct client sends it. */
const signedPost = (service: string, headers: Record<string, string>, body: string) =>
  post('/', signedHeaders(edge.url, { service, credentials: CREDENTIALS, headers, body }), body);

describe('edge routing', () => {
  it('hands SDK calls signed with the lab key to the service of their credential scope', async () => {
    const dynamo = new DynamoDBClient(edgeClientConfig(edge.url, REGION, CREDENTIALS));
    const listed = await dynamo.send(new ListTablesCommand({}));
    expect(listed.TableNames).toEqual([
      `dynamodb:eu-west-1:${CREDENTIALS.accessKeyId}:DynamoDB_20120810.ListTables`,
    ]);
    dynamo.destroy();

    const rds = new RDSClient(edgeClientConfig(edge.url, REGION, CREDENTIALS));
    expect((await rds.send(new DescribeDBInstancesCommand({}))).DBInstances).toEqual([]);
    expect(seen.at(-1)).toMatchObject({ service: 'rds', method: 'POST', target: undefined });
    expect(seen.at(-1)?.body.toString()).toContain('Action=DescribeDBInstances');
    rds.destroy();
  });

  it('renders a service LabError in the Query protocol, so the SDK raises its exception class', async () => {
    const rds = new RDSClient(edgeClientConfig(edge.url, REGION, CREDENTIALS));
    const error = await failure(
      rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'missing' })),
    );
    expect(error).toMatchObject({
      name: 'DBInstanceNotFoundFault',
      message: 'DBInstance missing not found.',
    });
    rds.destroy();
  });

  it('routes by X-Amz-Target when the scope names no served service', async () => {
    const response = await signedPost('streams.dynamodb', LIST_TABLES, '{}');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({
      TableNames: [`dynamodb:us-east-1:${CREDENTIALS.accessKeyId}:DynamoDB_20120810.ListTables`],
    });
  });

  it('accepts the presigned query form signed with the lab key, and no other', async () => {
    const params = { Action: 'DescribeDBInstances', Version: '2014-10-31' };
    const url = presignedUrl(edge.url, { service: 'rds', credentials: CREDENTIALS, params });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ service: 'rds', method: 'GET' });

    const before = seen.length;
    const forged = presignedUrl(edge.url, {
      service: 'rds',
      credentials: { ...CREDENTIALS, secretAccessKey: 'x'.repeat(40) },
      params,
    });
    const refused = await fetch(forged);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code>/);
    // The signed query with one parameter added afterwards.
    const extended = await fetch(`${url}&DBInstanceIdentifier=other`);
    expect(extended.status).toBe(403);
    expect(seen.length).toBe(before);
  });

  it('names an unknown service clearly', async () => {
    const secrets = new SecretsManagerClient(edgeClientConfig(edge.url, REGION, CREDENTIALS));
    const error = await failure(secrets.send(new ListSecretsCommand({})));
    expect(error.name).toBe('UnknownOperationException');
    expect(error.message).toMatch(/does not serve 'secretsmanager'.*It serves: dynamodb, rds/);
    secrets.destroy();
    const query = await signedPost('sqs', FORM, 'Action=ListQueues');
    expect(query.status).toBe(400);
    expect(query.text).toMatch(/<Code>InvalidAction<\/Code><Message>The local lab does not serve 'sqs'/);
  });
});

describe('edge signature checks', () => {
  const wrongSecret = { ...CREDENTIALS, secretAccessKey: newLabCredentials().secretAccessKey };
  const wrongKeyId = { ...CREDENTIALS, accessKeyId: newLabCredentials().accessKeyId };

  it('refuses SDK calls signed with a wrong secret, as AWS does per protocol', async () => {
    const before = seen.length;
    const dynamo = new DynamoDBClient(edgeClientConfig(edge.url, REGION, wrongSecret));
    const json = await failure(dynamo.send(new ListTablesCommand({})));
    dynamo.destroy();
    expect(json).toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 400 } });
    expect(json.message).toMatch(
      /^The request signature we calculated does not match the signature you provided/,
    );

    const rds = new RDSClient(edgeClientConfig(edge.url, REGION, wrongSecret));
    const query = await failure(rds.send(new DescribeDBInstancesCommand({})));
    rds.destroy();
    expect(query).toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    expect(seen.length).toBe(before);
  });

  it('refuses SDK calls with an unknown key id, as AWS does per protocol', async () => {
    const before = seen.length;
    const dynamo = new DynamoDBClient(edgeClientConfig(edge.url, REGION, wrongKeyId));
    const json = await failure(dynamo.send(new ListTablesCommand({})));
    dynamo.destroy();
    expect(json).toMatchObject({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
    const rds = new RDSClient(edgeClientConfig(edge.url, REGION, wrongKeyId));
    const query = await failure(rds.send(new DescribeDBInstancesCommand({})));
    rds.destroy();
    expect(query).toMatchObject({ name: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });
    expect(seen.length).toBe(before);
  });

  it('refuses a body changed after signing, and a shape-only signature', async () => {
    const before = seen.length;
    const signed = signedHeaders(edge.url, {
      service: 'rds',
      credentials: CREDENTIALS,
      headers: FORM,
      body: 'Action=DescribeDBInstances',
    });
    const swapped = await post('/', signed, 'Action=DescribeDBInstances&DBInstanceIdentifier=crash');
    expect(swapped.status).toBe(403);
    expect(swapped.text).toMatch(/<Code>SignatureDoesNotMatch<\/Code>/);
    // What any process could send before: a well-formed header with a made-up signature.
    const shapeOnly = await post(
      '/',
      {
        ...LIST_TABLES,
        'x-amz-date': '20250101T000000Z',
        authorization: `AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
      },
      '{}',
    );
    expect(shapeOnly.status).toBe(400);
    expect(JSON.parse(shapeOnly.text).__type).toBe('InvalidSignatureException');
    expect(seen.length).toBe(before);
  });

  it('accepts any clock: a request signed a year ago still verifies', async () => {
    const body = '{}';
    const headers = signedHeaders(edge.url, {
      service: 'dynamodb',
      credentials: CREDENTIALS,
      headers: LIST_TABLES,
      body,
      amzDate: '20200101T000000Z',
    });
    expect((await post('/', headers, body)).status).toBe(200);
  });
});

describe('edge refusals', () => {
  it('refuses unsigned requests as AWS does, per protocol', async () => {
    const json = await post(
      '/',
      { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      '{}',
    );
    expect(json.status).toBe(400);
    expect(JSON.parse(json.text)).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    });
    const query = await fetch(`${edge.url}/?Action=DescribeDBInstances&Version=2014-10-31`);
    expect(query.status).toBe(403);
    expect(await query.text()).toMatch(/<Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code>/);
    const incomplete = await post(
      '/',
      {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'secretsmanager.ListSecrets',
        authorization: 'AWS4-HMAC-SHA256 Credential=a/b',
      },
      '{}',
    );
    expect(JSON.parse(incomplete.text).__type).toBe('IncompleteSignatureException');
  });

  it('answers malformed bodies with SerializationException', async () => {
    for (const body of ['{"Marker": ', '[1, 2]', '\u0000\u0001']) {
      const response = await signedPost('dynamodb', LIST_TABLES, body);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.text).__type).toBe('SerializationException');
    }
  });

  it('refuses bodies over the limit with 413 and keeps serving', async () => {
    const big = await signedPost('dynamodb', LIST_TABLES, JSON.stringify({ Marker: 'x'.repeat(100 * 1024) }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text).__type).toBe('RequestEntityTooLargeException');
    expect((await signedPost('dynamodb', LIST_TABLES, '{}')).status).toBe(200);
  });

  it('hides a handler crash behind InternalFailure and keeps serving', async () => {
    const response = await signedPost('rds', FORM, 'Action=DescribeDBInstances&DBInstanceIdentifier=crash');
    expect(response.status).toBe(500);
    expect(response.text).toMatch(/<Type>Receiver<\/Type><Code>InternalFailure<\/Code>/);
    expect(response.text).not.toContain('passwd');
    const after = await fetch(`${edge.url}/_lab/health`);
    expect(after.status).toBe(200);
  });

  it('drops one connection when a handler answers what HTTP cannot carry, and keeps serving', async () => {
    const response = signedPost('rds', FORM, 'Action=DescribeDBInstances&DBInstanceIdentifier=badheader');
    await expect(response).rejects.toThrow(/fetch failed/);
    expect((await fetch(`${edge.url}/_lab/health`)).status).toBe(200);
  });

  it('survives garbage that is not HTTP', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(edge.port, '127.0.0.1', () => socket.end('GARBAGE \u0000\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${edge.url}/_lab/health`)).status).toBe(200);
  });

  it('refuses requests from web pages (Origin) and foreign host names (DNS rebinding)', async () => {
    const json = signedHeaders(edge.url, {
      service: 'dynamodb',
      credentials: CREDENTIALS,
      headers: LIST_TABLES,
      body: '{}',
    });
    const fromPage = await post('/', { ...json, origin: 'https://evil.example' }, '{}');
    expect(fromPage.status).toBe(403);
    expect(JSON.parse(fromPage.text).__type).toBe('AccessDeniedException');
    const rebound = await new Promise<string>((resolve, reject) => {
      const socket = connect(edge.port, '127.0.0.1', () =>
        socket.end('GET /_lab/health HTTP/1.1\r\nHost: evil.example:4566\r\nConnection: close\r\n\r\n'),
      );
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(rebound).toMatch(/^HTTP\/1\.1 403/);
  });
});
