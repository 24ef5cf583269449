import {
  CreateDBInstanceReadReplicaCommand,
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  InvalidDBInstanceStateFault,
  RDSClient,
  RebootDBInstanceCommand,
  StopDBInstanceCommand,
  type DBInstance,
} from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createReadReplica,
  createSnapshot,
  deleteInstance,
  reboot,
  stop,
  type RdsActionTarget,
} from '../../src/main/aws/rds-actions';

// What the lab cannot show: replicas in another region (the lab serves one), and the exact
// parameters each action sends. Responses shaped as the RDS API reference documents them.
const SOURCE_ARN = 'arn:aws:rds:us-east-1:123456789012:db:orders';

const clients: RDSClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

/** One mocked client per region, handed out as the client factory does. */
function regions(...names: string[]) {
  const mocks = new Map(
    names.map((region) => {
      const client = new RDSClient({ region, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
      clients.push(client);
      return [region, { client, mock: mockClient(client) }] as const;
    }),
  );
  const get = (region: string) => {
    const entry = mocks.get(region);
    if (!entry) throw new Error(`no client for ${region}`);
    return entry;
  };
  const target: RdsActionTarget = { region: names[0] ?? '', rdsIn: (region) => get(region).client };
  return { get, target };
}

const db = (id: string, extra: Partial<DBInstance> = {}): DBInstance => ({
  DBInstanceIdentifier: id,
  DBInstanceArn: `arn:aws:rds:us-east-1:123456789012:db:${id}`,
  Engine: 'mysql',
  DBInstanceStatus: 'available',
  ...extra,
});

describe('createReadReplica', () => {
  it('across regions: calls the target region, naming the source by its ARN', async () => {
    const { get, target } = regions('us-east-1', 'eu-west-1');
    get('us-east-1')
      .mock.on(DescribeDBInstancesCommand)
      .resolves({ DBInstances: [db('orders')] });
    get('eu-west-1')
      .mock.on(CreateDBInstanceReadReplicaCommand)
      .resolves({
        DBInstance: db('orders-eu', {
          DBInstanceArn: 'arn:aws:rds:eu-west-1:123456789012:db:orders-eu',
          DBInstanceStatus: 'creating',
          ReadReplicaSourceDBInstanceIdentifier: SOURCE_ARN,
        }),
      });

    const replica = await createReadReplica(target, {
      sourceId: 'orders',
      id: 'orders-eu',
      instanceClass: 'db.r6g.large',
      availabilityZone: 'eu-west-1b',
      targetRegion: 'eu-west-1',
    });

    expect(get('us-east-1').mock.commandCalls(DescribeDBInstancesCommand)[0]?.args[0].input).toEqual({
      DBInstanceIdentifier: 'orders',
    });
    expect(get('us-east-1').mock.commandCalls(CreateDBInstanceReadReplicaCommand)).toHaveLength(0);
    expect(get('eu-west-1').mock.commandCalls(CreateDBInstanceReadReplicaCommand)[0]?.args[0].input).toEqual({
      DBInstanceIdentifier: 'orders-eu',
      SourceDBInstanceIdentifier: SOURCE_ARN,
      DBInstanceClass: 'db.r6g.large',
      AvailabilityZone: 'eu-west-1b',
    });
    expect(replica).toMatchObject({
      id: 'orders-eu',
      region: 'eu-west-1',
      status: 'creating',
      role: 'replica',
      sourceId: 'orders',
      source: { id: 'orders', region: 'us-east-1', arn: SOURCE_ARN },
    });
  });

  it('across regions: an unknown source is NOT_FOUND and nothing is created', async () => {
    const { get, target } = regions('us-east-1', 'eu-west-1');
    get('us-east-1').mock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] });
    await expect(
      createReadReplica(target, { sourceId: 'gone', id: 'gone-eu', targetRegion: 'eu-west-1' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(get('eu-west-1').mock.calls()).toHaveLength(0);
  });

  it('in the same region: names the source by identifier and describes nothing', async () => {
    const { get, target } = regions('us-east-1');
    get('us-east-1')
      .mock.on(CreateDBInstanceReadReplicaCommand)
      .resolves({ DBInstance: db('orders-r1', { ReadReplicaSourceDBInstanceIdentifier: 'orders' }) });
    await createReadReplica(target, { sourceId: 'orders', id: 'orders-r1', targetRegion: 'us-east-1' });
    const calls = get('us-east-1').mock.calls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      DBInstanceIdentifier: 'orders-r1',
      SourceDBInstanceIdentifier: 'orders',
    });
  });
});

describe('the other actions', () => {
  it('send their options and answer with the instance as RDS reports it', async () => {
    const { get, target } = regions('us-east-1');
    const { mock } = get('us-east-1');
    mock
      .on(RebootDBInstanceCommand)
      .resolves({ DBInstance: db('orders', { DBInstanceStatus: 'rebooting', MultiAZ: true }) });
    mock.on(StopDBInstanceCommand).resolves({ DBInstance: db('orders', { DBInstanceStatus: 'stopping' }) });
    mock.on(DeleteDBInstanceCommand).resolves({ DBInstance: db('orders', { DBInstanceStatus: 'deleting' }) });

    expect(await reboot(target, 'orders', true)).toMatchObject({ status: 'rebooting', multiAz: true });
    expect(await stop(target, 'orders', 'orders-pre-stop')).toMatchObject({ status: 'stopping' });
    expect(
      await deleteInstance(target, 'orders', { skipFinalSnapshot: false, finalSnapshotId: 'orders-final' }),
    ).toMatchObject({ status: 'deleting' });

    expect(mock.commandCalls(RebootDBInstanceCommand)[0]?.args[0].input).toEqual({
      DBInstanceIdentifier: 'orders',
      ForceFailover: true,
    });
    expect(mock.commandCalls(StopDBInstanceCommand)[0]?.args[0].input).toEqual({
      DBInstanceIdentifier: 'orders',
      DBSnapshotIdentifier: 'orders-pre-stop',
    });
    expect(mock.commandCalls(DeleteDBInstanceCommand)[0]?.args[0].input).toEqual({
      DBInstanceIdentifier: 'orders',
      SkipFinalSnapshot: false,
      FinalDBSnapshotIdentifier: 'orders-final',
    });
  });

  it('a snapshot comes back as an RdsSnapshot', async () => {
    const { get, target } = regions('us-east-1');
    get('us-east-1')
      .mock.on(CreateDBSnapshotCommand)
      .resolves({
        DBSnapshot: {
          DBSnapshotIdentifier: 'orders-snap',
          DBInstanceIdentifier: 'orders',
          Status: 'creating',
          SnapshotType: 'manual',
          Encrypted: true,
        },
      });
    expect(await createSnapshot(target, 'orders', 'orders-snap')).toEqual({
      id: 'orders-snap',
      instanceId: 'orders',
      status: 'creating',
      type: 'manual',
      encrypted: true,
    });
  });

  it('a refusal keeps AWS’s code and message unchanged', async () => {
    const { get, target } = regions('us-east-1');
    get('us-east-1')
      .mock.on(RebootDBInstanceCommand)
      .rejects(
        Object.assign(
          new InvalidDBInstanceStateFault({
            message: 'Instance orders is not in available state.',
            $metadata: { httpStatusCode: 400, requestId: 'req-9' },
          }),
          { Code: 'InvalidDBInstanceState' },
        ),
      );
    await expect(reboot(target, 'orders')).rejects.toMatchObject({
      code: 'AWS_ERROR',
      message: 'Instance orders is not in available state.',
      details: { awsCode: 'InvalidDBInstanceState', httpStatus: 400, requestId: 'req-9' },
    });
  });
});
