import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import {
  CreateTableCommand,
  DynamoDBClient,
  DynamoDBServiceException,
  ExecuteStatementCommand,
  GetItemCommand,
  ListTablesCommand,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEdgeServer, type EdgeServer } from '../../src/lab/edge/edge-server';
import type { ServiceHandler } from '../../src/lab/edge/types';
import { dynamoAdminRoutes } from '../../src/lab/dynamo/dynamo-admin';
import {
  createDynamoBackend,
  type DynamoBackend,
  type DynamoBackendOptions,
} from '../../src/lab/dynamo/dynamo-backend';
import { findDynamoDbLocalJar, findJava } from '../../src/lab/dynamo/dynamodb-local-finder';
import { startDynamoDbLocal } from '../../src/lab/dynamo/dynamodb-local-process';
import { endLeftover, recordPid } from '../../src/lab/dynamo/leftover-process';
import { newLabCredentials } from '../../src/lab/lab-credentials';
import { adminHeaders, edgeClientConfig } from '../support/edge-client';
import { rejectionOf } from '../support/rejection';
import { makeTempDir, type TempDir } from '../support/temp-dir';

const REGION = 'us-east-1';
const CREDENTIALS = newLabCredentials();
const COURSE_ITEMS = [
  { UserID: { S: '1001' }, Name: { S: 'Monowar' }, Email: { S: 'monowar@example.com' } },
  { UserID: { S: '1002' }, Name: { S: 'CloudUser' }, Email: { S: 'clouduser@demo.com' } },
];

const rejection = (call: Promise<unknown>): Promise<DynamoDBServiceException> =>
  rejectionOf(call, DynamoDBServiceException);

async function setThrottle(edge: EdgeServer, share: number): Promise<void> {
  const response = await fetch(`${edge.url}/_lab/faults/dynamodb-throttle`, {
    method: 'POST',
    headers: adminHeaders(CREDENTIALS),
    body: JSON.stringify({ share }),
  });
  expect(response.status).toBe(200);
}

describe.each(['dynamodb-local', 'dynalite'] as const)('DynamoDB on %s through the edge', (kind) => {
  let dir: TempDir;
  let backend: DynamoBackend;
  let edge: EdgeServer;
  let client: DynamoDBClient;
  const services: Partial<Record<string, ServiceHandler>> = {};
  const options = (): DynamoBackendOptions => ({ dataDir: dir.path, backend: kind });

  beforeAll(async () => {
    dir = await makeTempDir(`lab-${kind}`);
    backend = await createDynamoBackend(options());
    services.dynamodb = backend.handler;
    edge = await startEdgeServer({
      port: 0,
      services,
      admin: dynamoAdminRoutes(backend.faults),
      credentials: CREDENTIALS,
    });
    client = new DynamoDBClient(edgeClientConfig(edge.url, REGION, CREDENTIALS));
  });

  afterAll(async () => {
    client?.destroy();
    await edge?.close();
    await backend?.stop();
    await dir?.remove();
  });

  it('runs the course lab: table Users, two items, scan and get', async () => {
    expect(backend.kind).toBe(kind);
    await client.send(
      new CreateTableCommand({
        TableName: 'Users',
        AttributeDefinitions: [{ AttributeName: 'UserID', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'UserID', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    for (const Item of COURSE_ITEMS) await client.send(new PutItemCommand({ TableName: 'Users', Item }));
    const scan = await client.send(new ScanCommand({ TableName: 'Users' }));
    expect(scan.Count).toBe(2);
    const got = await client.send(new GetItemCommand({ TableName: 'Users', Key: { UserID: { S: '1001' } } }));
    expect(got.Item).toEqual(COURSE_ITEMS[0]);
  });

  it('throttles item calls on demand; the SDK sees ProvisionedThroughputExceededException', async () => {
    await setThrottle(edge, 1);
    const error = await rejection(
      client.send(new GetItemCommand({ TableName: 'Users', Key: { UserID: { S: '1001' } } })),
    );
    expect(error).toBeInstanceOf(ProvisionedThroughputExceededException);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toMatch(/provisioned throughput.*100% of calls/);
    // Table-level calls are never answered with this error on AWS, so they pass.
    expect((await client.send(new ListTablesCommand({}))).TableNames).toContain('Users');
    await setThrottle(edge, 0);
    expect((await client.send(new ScanCommand({ TableName: 'Users' }))).Count).toBe(2);
  });

  it('keeps the data across a backend restart', async () => {
    await backend.stop();
    backend = await createDynamoBackend(options());
    services.dynamodb = backend.handler;
    const scan = await client.send(new ScanCommand({ TableName: 'Users', ConsistentRead: true }));
    expect(scan.Items?.map((item) => item.Name?.S).sort()).toEqual(['CloudUser', 'Monowar']);
  });

  it('reports its capabilities and answers PartiQL accordingly', async () => {
    const statement = client.send(
      new ExecuteStatementCommand({ Statement: `SELECT * FROM "Users" WHERE UserID = '1002'` }),
    );
    if (kind === 'dynamodb-local') {
      expect(backend.capabilities).toEqual({ partiql: true, transactions: true, streams: true, ttl: true });
      expect((await statement).Items?.[0]?.Name).toEqual({ S: 'CloudUser' });
    } else {
      expect(backend.capabilities).toEqual({
        partiql: false,
        transactions: false,
        streams: false,
        ttl: false,
      });
      const error = await rejection(statement);
      expect(error.name).toBe('UnknownOperationException');
      expect(error.message).toMatch(/ExecuteStatement is not supported by dynalite/);
    }
  });
});

describe('DynamoDB backend choice and faults', () => {
  let dir: TempDir;

  beforeAll(async () => {
    dir = await makeTempDir('lab-dynamo-choice');
  });

  afterAll(async () => {
    await dir?.remove();
  });

  it('falls back to dynalite without Java, and says why', async () => {
    const backend = await createDynamoBackend({
      dataDir: dir.path,
      javaPath: '/nonexistent/java',
      inMemory: true,
    });
    try {
      expect(backend.kind).toBe('dynalite');
      expect(backend.fallbackReason).toMatch(/\/nonexistent\/java is not an executable file/);
    } finally {
      await backend.stop();
    }
  });

  it('fails clearly when DynamoDB Local is demanded but its jar is missing', async () => {
    await expect(
      createDynamoBackend({
        dataDir: dir.path,
        backend: 'dynamodb-local',
        jarPath: '/nonexistent/DynamoDBLocal.jar',
      }),
    ).rejects.toThrow(/DynamoDB Local is not available: \/nonexistent\/DynamoDBLocal\.jar is not a file/);
  });

  it('refuses a dynalite data dir another lab holds, instead of crashing later', async () => {
    const first = await createDynamoBackend({ dataDir: dir.path, backend: 'dynalite' });
    try {
      await expect(createDynamoBackend({ dataDir: dir.path, backend: 'dynalite' })).rejects.toThrow(
        /dynalite cannot open its data in .*Is another lab using the same data dir/,
      );
    } finally {
      await first.stop();
    }
  });

  it('throttles the given share of calls', async () => {
    const dice = [0.1, 0.9, 0.3, 0.7];
    let roll = 0;
    const backend = await createDynamoBackend({
      dataDir: dir.path,
      backend: 'dynalite',
      inMemory: true,
      random: () => dice[roll++ % dice.length] ?? 0,
    });
    const edge = await startEdgeServer({
      port: 0,
      services: { dynamodb: backend.handler },
      admin: {},
      credentials: CREDENTIALS,
    });
    const client = new DynamoDBClient(edgeClientConfig(edge.url, REGION, CREDENTIALS));
    try {
      await client.send(
        new CreateTableCommand({
          TableName: 'Throttled',
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      backend.faults.setThrottle(0.5);
      const outcomes = await Promise.all(
        dice.map(() =>
          client.send(new ScanCommand({ TableName: 'Throttled' })).then(
            () => 'ok',
            (error: Error) => error.name,
          ),
        ),
      );
      expect(outcomes.sort()).toEqual([
        'ProvisionedThroughputExceededException',
        'ProvisionedThroughputExceededException',
        'ok',
        'ok',
      ]);
      expect(() => backend.faults.setThrottle(1.5)).toThrow(/between 0 and 1/);
    } finally {
      client.destroy();
      await edge.close();
      await backend.stop();
    }
  });
});

describe('DynamoDB Local left behind by a crashed lab', () => {
  let dir: TempDir;

  beforeAll(async () => {
    dir = await makeTempDir('lab-dynamo-leftover');
  });

  afterAll(async () => {
    await dir?.remove();
  });

  it('is ended by its recorded pid at the next start', async () => {
    const java = findJava();
    const jar = findDynamoDbLocalJar();
    if (!java.ok || !jar.ok) throw new Error('the harness provides Java and the DynamoDB Local jar');
    const opts = { java: java.value, jar: jar.value, dir: dir.path, inMemory: false, startTimeoutMs: 60_000 };
    const crashed = await startDynamoDbLocal(opts);
    // The lab that started `crashed` "dies" here without stopping it; the next lab starts on the same dir.
    const next = await startDynamoDbLocal(opts);
    try {
      expect(() => process.kill(crashed.pid, 0)).toThrow(/ESRCH/);
      expect(next.pid).not.toBe(crashed.pid);
    } finally {
      await next.stop();
      await crashed.stop();
    }
  });

  it('never ends a process whose command line is not the recorded one', async () => {
    const file = `${dir.path}/unrelated.pid.json`;
    await recordPid(file, { pid: process.pid, marker: '-jar /elsewhere/DynamoDBLocal.jar -port 1' });
    expect(await endLeftover(file)).toBeUndefined();
  });
});

describe("DynamoDB Local's own port", () => {
  let dir: TempDir;

  beforeAll(async () => {
    dir = await makeTempDir('lab-dynamo-loopback');
  });

  afterAll(async () => {
    await dir?.remove();
  });

  it('answers on 127.0.0.1 and refuses connections on the machine’s other addresses', async () => {
    const java = findJava();
    const jar = findDynamoDbLocalJar();
    if (!java.ok || !jar.ok) throw new Error('the harness provides Java and the DynamoDB Local jar');
    const local = await startDynamoDbLocal({
      java: java.value,
      jar: jar.value,
      dir: dir.path,
      inMemory: true,
      startTimeoutMs: 60_000,
    });
    try {
      const port = Number(new URL(local.endpoint).port);
      expect(await tcpOutcome('127.0.0.1', port)).toBe('connected');
      // Every other address of this machine (none on a machine with loopback only).
      for (const address of nonLoopbackAddresses()) {
        expect(await tcpOutcome(address, port), `${address}:${port}`).toBe('refused');
      }
    } finally {
      await local.stop();
    }
  });
});

function nonLoopbackAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info !== undefined && !info.internal && info.family === 'IPv4')
    .map((info) => info!.address);
}

function tcpOutcome(host: string, port: number): Promise<'connected' | 'refused'> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') resolve('refused');
      else reject(error);
    });
  });
}
