import {
  DBInstanceNotFoundFault,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  DescribeEventsCommand,
  RDSClient,
  RDSServiceException,
  type DBInstance,
} from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { describeInstanceDetail, listInstancesAcross } from '../../src/main/aws/rds-instances';

const clients: RDSClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

/** One client per region, each with its own mock, as the factory hands out one per region. */
function regionalClients(...regions: string[]) {
  const byRegion = new Map(
    regions.map((region) => {
      const client = new RDSClient({ region, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
      clients.push(client);
      return [region, { client, mock: mockClient(client) }] as const;
    }),
  );
  const get = (region: string) => {
    const entry = byRegion.get(region);
    if (!entry) throw new Error(`no client for ${region}`);
    return entry;
  };
  return { get, clientFor: (region: string) => get(region).client };
}

function awsError(code: string, message: string, status: number): RDSServiceException {
  return Object.assign(
    new RDSServiceException({ name: code, $fault: 'client', $metadata: { httpStatusCode: status }, message }),
    { Code: code },
  );
}

const db = (id: string, extra: Partial<DBInstance> = {}): DBInstance => ({
  DBInstanceIdentifier: id,
  Engine: 'mysql',
  DBInstanceStatus: 'available',
  ...extra,
});

describe('listInstancesAcross', () => {
  it('follows Marker over several pages', async () => {
    const { get, clientFor } = regionalClients('us-east-1');
    const { mock } = get('us-east-1');
    mock
      .on(DescribeDBInstancesCommand, { Marker: undefined })
      .resolves({ DBInstances: [db('a'), db('b')], Marker: 'm1' })
      .on(DescribeDBInstancesCommand, { Marker: 'm1' })
      .resolves({ DBInstances: [db('c')], Marker: 'm2' })
      .on(DescribeDBInstancesCommand, { Marker: 'm2' })
      .resolves({ DBInstances: [db('d')] });
    const [result] = await listInstancesAcross(['us-east-1'], clientFor);
    expect(result && 'instances' in result ? result.instances.map((i) => i.id) : result).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    const calls = mock.commandCalls(DescribeDBInstancesCommand).map((c) => c.args[0].input);
    expect(calls).toEqual([
      { MaxRecords: 100, Marker: undefined },
      { MaxRecords: 100, Marker: 'm1' },
      { MaxRecords: 100, Marker: 'm2' },
    ]);
  });

  it('stops when an endpoint hands back a Marker it gave before', async () => {
    const { get, clientFor } = regionalClients('us-east-1');
    get('us-east-1')
      .mock.on(DescribeDBInstancesCommand)
      .resolves({ DBInstances: [db('a')], Marker: 'same' });
    const [result] = await listInstancesAcross(['us-east-1'], clientFor);
    expect(result && 'instances' in result ? result.instances.length : 0).toBe(2);
  });

  it('returns a failing region’s error in place while the others answer', async () => {
    const { get, clientFor } = regionalClients('us-east-1', 'eu-west-1', 'ap-southeast-2', 'af-south-1');
    get('us-east-1')
      .mock.on(DescribeDBInstancesCommand)
      .resolves({ DBInstances: [db('east')] });
    get('eu-west-1')
      .mock.on(DescribeDBInstancesCommand)
      .rejects(awsError('AccessDenied', 'User is not authorized to perform: rds:DescribeDBInstances', 403));
    get('ap-southeast-2')
      .mock.on(DescribeDBInstancesCommand)
      .rejects(awsError('Throttling', 'Rate exceeded', 400));
    get('af-south-1')
      .mock.on(DescribeDBInstancesCommand)
      .rejects(
        awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
      );
    const results = await listInstancesAcross(
      ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'af-south-1'],
      clientFor,
    );
    expect(results.map((r) => r.region)).toEqual(['us-east-1', 'eu-west-1', 'ap-southeast-2', 'af-south-1']);
    expect(results[0]).toMatchObject({ instances: [{ id: 'east', region: 'us-east-1' }] });
    expect(results[1]).toEqual({
      region: 'eu-west-1',
      error: {
        code: 'ACCESS_DENIED',
        awsCode: 'AccessDenied',
        message:
          'Listing RDS instances in eu-west-1: User is not authorized to perform: rds:DescribeDBInstances (AccessDenied)',
      },
    });
    expect(results[2]).toMatchObject({ error: { code: 'THROTTLED', awsCode: 'Throttling' } });
    // An opt-in region refusing the keys is most likely not enabled: the message says so.
    expect(results[3]).toMatchObject({
      error: { code: 'AUTH_FAILED', message: expect.stringContaining('opt-in region') },
    });
  });

  it('does not let a slow region hold the others’ requests back', async () => {
    const { get, clientFor } = regionalClients('us-east-1', 'eu-west-1');
    let releaseSlow: () => void = () => undefined;
    get('us-east-1')
      .mock.on(DescribeDBInstancesCommand)
      .callsFake(
        () => new Promise((resolve) => (releaseSlow = () => resolve({ DBInstances: [db('slow')] }))),
      );
    let fastAnswered = false;
    get('eu-west-1')
      .mock.on(DescribeDBInstancesCommand)
      .callsFake(async () => {
        fastAnswered = true;
        return { DBInstances: [db('fast')] };
      });
    const listing = listInstancesAcross(['us-east-1', 'eu-west-1'], clientFor);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fastAnswered).toBe(true);
    releaseSlow();
    expect((await listing).map((r) => ('instances' in r ? r.instances[0]?.id : r.error.code))).toEqual([
      'slow',
      'fast',
    ]);
  });

  it('maps cross-region replication across the regions it lists', async () => {
    const { get, clientFor } = regionalClients('us-east-1', 'eu-west-1');
    get('us-east-1')
      .mock.on(DescribeDBInstancesCommand)
      .resolves({
        DBInstances: [
          db('orders', { ReadReplicaDBInstanceIdentifiers: ['arn:aws:rds:eu-west-1:1:db:orders-eu'] }),
        ],
      });
    get('eu-west-1')
      .mock.on(DescribeDBInstancesCommand)
      .resolves({
        DBInstances: [
          db('orders-eu', {
            ReadReplicaSourceDBInstanceIdentifier: 'arn:aws:rds:us-east-1:1:db:orders',
            StatusInfos: [{ StatusType: 'read replication', Normal: true, Status: 'replicating' }],
          }),
        ],
      });
    const [east, west] = await listInstancesAcross(['us-east-1', 'eu-west-1'], clientFor);
    expect(east).toMatchObject({
      instances: [{ role: 'primary', replicas: [{ id: 'orders-eu', region: 'eu-west-1' }] }],
    });
    expect(west).toMatchObject({
      instances: [
        {
          role: 'replica',
          source: { id: 'orders', region: 'us-east-1' },
          replication: { status: 'replicating' },
        },
      ],
    });
  });
});

describe('describeInstanceDetail', () => {
  it('returns the instance with its events and snapshots, newest first', async () => {
    const { get } = regionalClients('us-east-1');
    const { client, mock } = get('us-east-1');
    mock
      .on(DescribeDBInstancesCommand, { DBInstanceIdentifier: 'orders' })
      .resolves({ DBInstances: [db('orders')] });
    mock
      .on(DescribeEventsCommand, { Marker: undefined })
      .resolves({ Events: [{ Message: 'old', Date: new Date('2025-01-01T00:00:00Z') }], Marker: 'e1' })
      .on(DescribeEventsCommand, { Marker: 'e1' })
      .resolves({ Events: [{ Message: 'new', Date: new Date('2025-01-03T00:00:00Z') }] });
    mock.on(DescribeDBSnapshotsCommand).resolves({
      DBSnapshots: [
        {
          DBSnapshotIdentifier: 's1',
          Status: 'available',
          SnapshotCreateTime: new Date('2025-01-01T00:00:00Z'),
        },
        {
          DBSnapshotIdentifier: 's2',
          Status: 'available',
          SnapshotCreateTime: new Date('2025-01-02T00:00:00Z'),
        },
      ],
    });
    const detail = await describeInstanceDetail(client, 'us-east-1', 'orders');
    expect(detail.instance.id).toBe('orders');
    expect(detail.events.map((e) => e.message)).toEqual(['new', 'old']);
    expect(detail.snapshots.map((s) => s.id)).toEqual(['s2', 's1']);
    expect(mock.commandCalls(DescribeEventsCommand)[0]?.args[0].input).toMatchObject({
      SourceIdentifier: 'orders',
      SourceType: 'db-instance',
      Duration: 20160,
    });
  });

  it('reports a part it may not read in place of that part', async () => {
    const { get } = regionalClients('us-east-1');
    const { client, mock } = get('us-east-1');
    mock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [db('orders')] });
    mock.on(DescribeEventsCommand).rejects(awsError('AccessDenied', 'not allowed: rds:DescribeEvents', 403));
    mock.on(DescribeDBSnapshotsCommand).resolves({ DBSnapshots: [] });
    const detail = await describeInstanceDetail(client, 'us-east-1', 'orders');
    expect(detail.events).toEqual([]);
    expect(detail.eventsError).toMatchObject({ code: 'ACCESS_DENIED', awsCode: 'AccessDenied' });
    expect(detail.snapshotsError).toBeUndefined();
  });

  it('answers NOT_FOUND for an unknown instance', async () => {
    const { get } = regionalClients('us-east-1');
    const { client, mock } = get('us-east-1');
    const missing = new DBInstanceNotFoundFault({
      $metadata: { httpStatusCode: 404 },
      message: 'DBInstance nope not found.',
    });
    mock.on(DescribeDBInstancesCommand).rejects(missing);
    await expect(describeInstanceDetail(client, 'us-east-1', 'nope')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no DB instance nope in us-east-1.',
      details: { awsCode: 'DBInstanceNotFoundFault' },
    });
  });
});
