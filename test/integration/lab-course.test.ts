import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBClient, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../src/lab/lab';

// The course module's labs, run against the embedded lab exactly as a student would run them against AWS.
let dataDir: string;
let lab: Lab;

const clients = () => {
  const config = { endpoint: lab.endpoint, region: lab.region, credentials: lab.credentials };
  return {
    rds: new RDSClient(config),
    secrets: new SecretsManagerClient(config),
    dynamo: new DynamoDBClient(config),
  };
};

async function instance(id: string) {
  const { DBInstances } = await clients().rds.send(
    new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }),
  );
  return DBInstances![0]!;
}

async function connect(id: string) {
  const db = await instance(id);
  const secretArn = (await instance('myrdslab')).MasterUserSecret!.SecretArn!;
  const secret = await clients().secrets.send(new GetSecretValueCommand({ SecretId: secretArn }));
  const { username, password } = JSON.parse(secret.SecretString!) as { username: string; password: string };
  return mysql.createConnection({
    host: db.Endpoint!.Address!,
    port: db.Endpoint!.Port!,
    user: username,
    password,
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rdx-lab-course-'));
  lab = await startLab({ dataDir, port: 0, seed: 'course' });
  await lab.seeded;
}, 300_000);

afterAll(async () => {
  await lab?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 120_000);

describe('the course labs on the embedded lab', () => {
  it('is ready with every part seeded', () => {
    expect(lab.status()).toMatchObject({ state: 'ready', seed: 'done', rds: { available: true } });
  });

  it('lab 1: myrdslab is available with a managed master secret, and demo.users has the two rows', async () => {
    const db = await instance('myrdslab');
    expect(db).toMatchObject({ DBInstanceStatus: 'available', Engine: 'mariadb', MasterUsername: 'admin' });
    expect(db.MasterUserSecret?.SecretArn).toMatch(/^arn:aws:secretsmanager:us-east-1:\d{12}:secret:rds!db-/);
    const conn = await connect('myrdslab');
    const [rows] = await conn.query('SELECT name, email FROM demo.users ORDER BY id');
    await conn.end();
    expect(rows).toEqual([
      { name: 'Monowar', email: 'monowar@example.com' },
      { name: 'CloudUser', email: 'clouduser@demo.com' },
    ]);
  });

  it('lab 2: the read replica replicates, and SHOW REPLICA STATUS shows both threads running', async () => {
    const replica = await instance('myrdslab-replica');
    expect(replica).toMatchObject({
      DBInstanceStatus: 'available',
      ReadReplicaSourceDBInstanceIdentifier: 'myrdslab',
    });
    expect((await instance('myrdslab')).ReadReplicaDBInstanceIdentifiers).toContain('myrdslab-replica');
    const conn = await connect('myrdslab-replica');
    const [status] = await conn.query('SHOW REPLICA STATUS');
    const [users] = await conn.query('SELECT COUNT(*) AS n FROM demo.users');
    await conn.end();
    expect((status as Record<string, unknown>[])[0]).toMatchObject({
      Slave_IO_Running: 'Yes',
      Slave_SQL_Running: 'Yes',
    });
    expect(users).toEqual([{ n: 2 }]);
  });

  it('lab 3: DynamoDB table Users holds 1001 and 1002', async () => {
    const { dynamo } = clients();
    const scan = await dynamo.send(new ScanCommand({ TableName: 'Users' }));
    expect(scan.Count).toBe(2);
    const item = await dynamo.send(
      new GetItemCommand({ TableName: 'Users', Key: { UserID: { S: '1001' } } }),
    );
    expect(item.Item).toMatchObject({ Name: { S: 'Monowar' }, Email: { S: 'monowar@example.com' } });
  });

  it('comes back as it was after a restart, without seeding again', async () => {
    const conn = await connect('myrdslab');
    await conn.query("INSERT INTO demo.users (name, email) VALUES ('Restart', 'restart@example.com')");
    await conn.end();
    await lab.stop();
    lab = await startLab({ dataDir, port: 0, seed: 'course' });
    await lab.seeded;
    expect((await instance('myrdslab')).DBInstanceStatus).toBe('available');
    const again = await connect('myrdslab');
    const [rows] = await again.query('SELECT COUNT(*) AS n FROM demo.users');
    await again.end();
    expect(rows).toEqual([{ n: 3 }]);
    const scan = await clients().dynamo.send(new ScanCommand({ TableName: 'Users' }));
    expect(scan.Count).toBe(2);
  }, 180_000);
});
