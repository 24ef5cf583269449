import { DescribeDBInstancesCommand, type DBInstance, type RDSClient } from '@aws-sdk/client-rds';

export type Rds = Pick<RDSClient, 'send'>;

export async function describeOne(rds: Rds, id: string): Promise<DBInstance> {
  const { DBInstances = [] } = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
  const [instance] = DBInstances;
  if (!instance) throw new Error(`no ${id} in the answer`);
  return instance;
}

/** The failure of a call that must fail, as the SDK reports it: exception class, HTTP status, message. */
export async function errorOf(
  promise: Promise<unknown>,
): Promise<{ name: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const failure = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: failure.name, status: failure.$metadata?.httpStatusCode, message: failure.message };
  }
  throw new Error('expected the request to fail');
}
