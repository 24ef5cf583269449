import { randomBytes } from 'node:crypto';
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import {
  createConnection,
  type Connection,
  type ConnectionOptions,
  type RowDataPacket,
} from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DbEndpoint } from '../support/harness';

const harness = inject('harness');
// The servers are shared by every test file in the run, so everything created here is suffixed.
const suffix = randomBytes(4).toString('hex');

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the harness did not start ${what}`);
  return value;
}

function connect(endpoint: DbEndpoint, overrides: Partial<ConnectionOptions> = {}): Promise<Connection> {
  const { host, port, user, password } = endpoint;
  return createConnection({ host, port, user, password, ...overrides });
}

async function scalar<T>(connection: Connection, sql: string, values?: unknown[]): Promise<T> {
  const [rows] = await connection.query<RowDataPacket[]>(sql, values);
  return rows[0]?.value as T;
}

/** Blocks until the replica has applied everything the primary has binlogged so far. */
async function replicaCaughtUp(primary: Connection, replica: Connection): Promise<void> {
  const position = await scalar<string>(primary, 'SELECT @@gtid_binlog_pos AS value');
  expect(await scalar<number>(replica, 'SELECT MASTER_GTID_WAIT(?, 20) AS value', [position])).toBe(0);
}

describe('MariaDB primary and replica', () => {
  const { primary: primaryEndpoint, replica: replicaEndpoint } = required(harness.mariadb, 'MariaDB');
  const db = `demo_${suffix}`;
  let primary: Connection;
  let replica: Connection;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([connect(primaryEndpoint), connect(replicaEndpoint)]);
  });
  afterAll(async () => {
    await primary?.query(`DROP DATABASE IF EXISTS ${db}`);
    await Promise.all([primary?.end(), replica?.end()]);
  });

  it('accepts the root password over TCP and refuses a wrong one', async () => {
    expect(await scalar<number>(primary, 'SELECT @@server_id AS value')).toBe(1);
    await expect(
      connect(primaryEndpoint, { password: `${primaryEndpoint.password}x` }),
    ).rejects.toMatchObject({
      code: 'ER_ACCESS_DENIED_ERROR',
    });
  });

  it('replicates the course rows from the primary to the replica', async () => {
    await primary.query(`CREATE DATABASE ${db}`);
    await primary.query(
      `CREATE TABLE ${db}.users (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100), email VARCHAR(100))`,
    );
    await primary.query(`INSERT INTO ${db}.users (name, email) VALUES (?, ?), (?, ?)`, [
      'Monowar',
      'monowar@example.com',
      'CloudUser',
      'clouduser@demo.com',
    ]);
    await replicaCaughtUp(primary, replica);
    const [rows] = await replica.query<RowDataPacket[]>(`SELECT name, email FROM ${db}.users ORDER BY id`);
    expect(rows).toEqual([
      { name: 'Monowar', email: 'monowar@example.com' },
      { name: 'CloudUser', email: 'clouduser@demo.com' },
    ]);
  });

  it('reports running GTID replication on the replica', async () => {
    const [rows] = await replica.query<RowDataPacket[]>('SHOW SLAVE STATUS');
    expect(rows[0]).toMatchObject({
      Slave_IO_Running: 'Yes',
      Slave_SQL_Running: 'Yes',
      Using_Gtid: 'Slave_Pos',
      Master_Port: primaryEndpoint.port,
    });
  });

  it('keeps the replica read-only for ordinary users', async () => {
    expect(await scalar<number>(replica, 'SELECT @@read_only AS value')).toBe(1);
    // Created on the primary: a local write on the replica would break gtid_strict_mode replication.
    const user = `app_${suffix}`;
    const password = randomBytes(12).toString('base64url');
    await primary.query(`CREATE DATABASE IF NOT EXISTS ${db}`);
    await primary.query(`CREATE TABLE IF NOT EXISTS ${db}.notes (id INT PRIMARY KEY)`);
    await primary.query(`CREATE USER ?@'127.0.0.1' IDENTIFIED BY ?`, [user, password]);
    await primary.query(`GRANT ALL PRIVILEGES ON ${db}.* TO ?@'127.0.0.1'`, [user]);
    await replicaCaughtUp(primary, replica);
    const app = await connect(replicaEndpoint, { user, password });
    try {
      await expect(app.query(`INSERT INTO ${db}.notes VALUES (1)`)).rejects.toMatchObject({
        code: 'ER_OPTION_PREVENTS_STATEMENT',
      });
    } finally {
      await app.end();
      await primary.query(`DROP USER ?@'127.0.0.1'`, [user]);
    }
  });
});

describe('DynamoDB Local', () => {
  const { endpoint } = required(harness.dynamodb, 'DynamoDB Local');
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const TableName = `Users_${suffix}`;
  afterAll(() => client.destroy());

  it('stores and reads the course items', async () => {
    await client.send(
      new CreateTableCommand({
        TableName,
        AttributeDefinitions: [{ AttributeName: 'UserID', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'UserID', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const users = [
      { UserID: '1001', Name: 'Monowar', Email: 'monowar@example.com' },
      { UserID: '1002', Name: 'CloudUser', Email: 'clouduser@demo.com' },
    ];
    for (const user of users) {
      const Item = Object.fromEntries(Object.entries(user).map(([key, value]) => [key, { S: value }]));
      await client.send(new PutItemCommand({ TableName, Item }));
    }
    const scan = await client.send(new ScanCommand({ TableName, Limit: 100 }));
    expect(scan.Count).toBe(2);
    const got = await client.send(new GetItemCommand({ TableName, Key: { UserID: { S: '1001' } } }));
    expect(got.Item?.Name).toEqual({ S: 'Monowar' });
  });
});
