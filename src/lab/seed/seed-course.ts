import {
  CreateDBInstanceCommand,
  CreateDBInstanceReadReplicaCommand,
  DBInstanceNotFoundFault,
  DescribeDBInstancesCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  CreateTableCommand,
  PutItemCommand,
  ResourceInUseException,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import mysql from 'mysql2/promise';
import { COURSE_INSTANCE, COURSE_ITEMS, COURSE_SQL, COURSE_TABLE } from './course-data';
import { waitForInstanceStatus } from './wait-for-status';

type Send<T extends { send: unknown }> = Pick<T, 'send'>;

/** Seeds through the lab's own endpoint with the real SDK, as a course student would, so it proves the wire too. */
export async function seedCourseRds(
  rds: Send<RDSClient>,
  secrets: Send<SecretsManagerClient>,
): Promise<void> {
  const { id, replicaId } = COURSE_INSTANCE;
  if (!(await instanceExists(rds, id))) {
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: id,
        Engine: COURSE_INSTANCE.engine,
        DBInstanceClass: COURSE_INSTANCE.instanceClass,
        AllocatedStorage: COURSE_INSTANCE.allocatedStorage,
        MasterUsername: COURSE_INSTANCE.masterUsername,
        ManageMasterUserPassword: true,
        PubliclyAccessible: true,
      }),
    );
  }
  await waitForInstanceStatus(rds, id, 'available');
  await createCourseSchema(rds, secrets, id);
  if (!(await instanceExists(rds, replicaId))) {
    await rds.send(
      new CreateDBInstanceReadReplicaCommand({
        DBInstanceIdentifier: replicaId,
        SourceDBInstanceIdentifier: id,
        DBInstanceClass: COURSE_INSTANCE.instanceClass,
      }),
    );
  }
  await waitForInstanceStatus(rds, replicaId, 'available');
}

export async function seedCourseDynamo(dynamo: DynamoDBClient): Promise<void> {
  try {
    await dynamo.send(
      new CreateTableCommand({
        TableName: COURSE_TABLE,
        AttributeDefinitions: [{ AttributeName: 'UserID', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'UserID', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
    return; // Seeded before: the user's edits since then are theirs to keep.
  }
  await waitUntilTableExists({ client: dynamo, maxWaitTime: 60 }, { TableName: COURSE_TABLE });
  for (const item of COURSE_ITEMS) {
    await dynamo.send(new PutItemCommand({ TableName: COURSE_TABLE, Item: { ...item } }));
  }
}

async function instanceExists(rds: Send<RDSClient>, id: string): Promise<boolean> {
  try {
    await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
    return true;
  } catch (err) {
    if (err instanceof DBInstanceNotFoundFault) return false;
    throw err;
  }
}

async function createCourseSchema(
  rds: Send<RDSClient>,
  secrets: Send<SecretsManagerClient>,
  id: string,
): Promise<void> {
  const { DBInstances } = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
  const instance = DBInstances?.[0];
  const secretArn = instance?.MasterUserSecret?.SecretArn;
  if (!instance?.Endpoint?.Port || !secretArn)
    throw new Error(`Instance ${id} has no endpoint or master secret`);
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn }));
  const { username, password } = JSON.parse(secret.SecretString ?? '{}') as {
    username: string;
    password: string;
  };
  const conn = await mysql.createConnection({
    host: instance.Endpoint.Address ?? '127.0.0.1',
    port: instance.Endpoint.Port,
    user: username,
    password,
  });
  try {
    const [rows] = await conn.query(
      "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'demo' AND TABLE_NAME = 'users'",
    );
    if ((rows as { n: number }[])[0]?.n) return;
    for (const sql of COURSE_SQL) await conn.query(sql);
  } finally {
    await conn.end();
  }
}
