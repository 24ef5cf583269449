import {
  CreateDBInstanceCommand,
  CreateDBInstanceReadReplicaCommand,
  type CreateDBInstanceCommandInput,
} from '@aws-sdk/client-rds';
import type { Rds } from './lab-rds-client';
import { MASTER, PASSWORD, USERS_SQL, withDb } from './lab-rds-db';
import { waitForStatus } from './lab-rds-wait';

/** The source instance the tests start from: MariaDB with a `demo` database and a tag. */
export function sourceInput(id: string): CreateDBInstanceCommandInput {
  return {
    DBInstanceIdentifier: id,
    DBInstanceClass: 'db.t3.micro',
    Engine: 'mariadb',
    MasterUsername: MASTER,
    MasterUserPassword: PASSWORD,
    DBName: 'demo',
    AllocatedStorage: 20,
    Tags: [{ Key: 'course', Value: 'lab' }],
  };
}

/** Creates `demo.users` with Monowar and CloudUser. */
export async function addUsers(port: number | undefined): Promise<void> {
  await withDb(port, async (c) => {
    await c.query(USERS_SQL.create);
    await c.query(USERS_SQL.seed);
  });
}

/** A source instance, available, with its users; resolves to its endpoint's port. */
export async function createSource(rds: Rds, id: string): Promise<number | undefined> {
  await rds.send(new CreateDBInstanceCommand(sourceInput(id)));
  const port = (await waitForStatus(rds, id, 'available')).Endpoint?.Port;
  await addUsers(port);
  return port;
}

/** A read replica of `sourceId`, available; resolves to its endpoint's port. */
export async function createReplica(rds: Rds, id: string, sourceId: string): Promise<number | undefined> {
  await rds.send(
    new CreateDBInstanceReadReplicaCommand({
      DBInstanceIdentifier: id,
      SourceDBInstanceIdentifier: sourceId,
    }),
  );
  return (await waitForStatus(rds, id, 'available')).Endpoint?.Port;
}
