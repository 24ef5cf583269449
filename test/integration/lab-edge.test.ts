import { connect } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEdgeServer, type EdgeServer } from '../../src/lab/edge/edge-server';
import { jsonReply, parseJsonRequest } from '../../src/lab/edge/json-protocol';
import type { LabRequest, LabResponse, ServiceHandler } from '../../src/lab/edge/types';
import { LabError } from '../../src/lab/lab-error';
import { edgeClientConfig, postToEdge } from '../support/edge-client';
import { rejectionOf } from '../support/rejection';

const REGION = 'eu-west-1';
const CREDENTIALS = { accessKeyId: 'AKIDLAB', secretAccessKey: 'whatever' };
const FAKE_SIGNATURE = {
  'x-amz-date': '20250101T000000Z',
  authorization:
    'AWS4-HMAC-SHA256 Credential=k/20250101/us-east-1/SERVICE/aws4_request, SignedHeaders=host, Signature=00',
};
const signedFor = (service: string): Record<string, string> => ({
  ...FAKE_SIGNATURE,
  authorization: FAKE_SIGNATURE.authorization.replace('SERVICE', service),
});
const SIGNED_LIST_TABLES = {
  ...signedFor('dynamodb'),
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-target': 'DynamoDB_20120810.ListTables',
};

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
  edge = await startEdgeServer({ port: 0, services, admin: {}, maxBodyBytes: 64 * 1024 });
});

afterAll(async () => {
  await edge?.close();
});

const failure = (call: Promise<unknown>): Promise<Error> => rejectionOf(call, Error);
const post = (path: string, headers: Record<string, string>, body: string) =>
  postToEdge(edge.url, path, headers, body);

describe('edge routing', () => {
  it('hands SDK calls signed with any key to the service of their credential scope', async () => {
    const dynamo = new DynamoDBClient(edgeClientConfig(edge.url, REGION, CREDENTIALS));
    const listed = await dynamo.send(new ListTablesCommand({}));
    expect(listed.TableNames).toEqual(['dynamodb:eu-west-1:AKIDLAB:DynamoDB_20120810.ListTables']);
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
    const response = await post(
      '/',
      {
        ...signedFor('streams.dynamodb'),
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
      },
      '{}',
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({
      TableNames: ['dynamodb:us-east-1:k:DynamoDB_20120810.ListTables'],
    });
  });

  it('accepts the presigned query form', async () => {
    const query = new URLSearchParams({
      Action: 'DescribeDBInstances',
      Version: '2014-10-31',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'k/20250101/us-east-1/rds/aws4_request',
      'X-Amz-Date': '20250101T000000Z',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': 'abcdef',
    });
    const response = await fetch(`${edge.url}/?${query}`);
    expect(response.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ service: 'rds', method: 'GET' });
  });

  it('names an unknown service clearly', async () => {
    const secrets = new SecretsManagerClient(edgeClientConfig(edge.url, REGION, CREDENTIALS));
    const error = await failure(secrets.send(new ListSecretsCommand({})));
    expect(error.name).toBe('UnknownOperationException');
    expect(error.message).toMatch(/does not serve 'secretsmanager'.*It serves: dynamodb, rds/);
    secrets.destroy();
    const query = await post(
      '/',
      { ...signedFor('sqs'), 'content-type': 'application/x-www-form-urlencoded' },
      'Action=ListQueues',
    );
    expect(query.status).toBe(400);
    expect(query.text).toMatch(/<Code>InvalidAction<\/Code><Message>The local lab does not serve 'sqs'/);
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
    const headers = SIGNED_LIST_TABLES;
    for (const body of ['{"Marker": ', '[1, 2]', '\u0000\u0001']) {
      const response = await post('/', headers, body);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.text).__type).toBe('SerializationException');
    }
  });

  it('refuses bodies over the limit with 413 and keeps serving', async () => {
    const headers = SIGNED_LIST_TABLES;
    const big = await post('/', headers, JSON.stringify({ Marker: 'x'.repeat(100 * 1024) }));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text).__type).toBe('RequestEntityTooLargeException');
    expect((await post('/', headers, '{}')).status).toBe(200);
  });

  it('hides a handler crash behind InternalFailure and keeps serving', async () => {
    const response = await post(
      '/',
      { ...signedFor('rds'), 'content-type': 'application/x-www-form-urlencoded' },
      'Action=DescribeDBInstances&DBInstanceIdentifier=crash',
    );
    expect(response.status).toBe(500);
    expect(response.text).toMatch(/<Type>Receiver<\/Type><Code>InternalFailure<\/Code>/);
    expect(response.text).not.toContain('passwd');
    const after = await fetch(`${edge.url}/_lab/health`);
    expect(after.status).toBe(200);
  });

  it('drops one connection when a handler answers what HTTP cannot carry, and keeps serving', async () => {
    const response = post(
      '/',
      { ...signedFor('rds'), 'content-type': 'application/x-www-form-urlencoded' },
      'Action=DescribeDBInstances&DBInstanceIdentifier=badheader',
    );
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
    const json = SIGNED_LIST_TABLES;
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
