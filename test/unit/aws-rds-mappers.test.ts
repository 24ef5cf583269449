import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DescribeDBInstancesCommand, RDSClient, type DBInstance } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newestFirst, toRdsEvent, toRdsSnapshot } from '../../src/main/aws/rds-detail-mappers';
import { roleOf, toRdsInstance } from '../../src/main/aws/rds-mappers';

// DescribeDBInstances as the RDS API reference documents it (element names and nesting), for a
// Multi-AZ primary with a managed master secret, one replica in its region and one in another.
const DOCUMENTED_XML = `<DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
  <DescribeDBInstancesResult>
    <DBInstances>
      <DBInstance>
        <DBInstanceIdentifier>orders</DBInstanceIdentifier>
        <DBInstanceArn>arn:aws:rds:us-east-1:123456789012:db:orders</DBInstanceArn>
        <DBInstanceClass>db.m5.large</DBInstanceClass>
        <Engine>mysql</Engine>
        <EngineVersion>8.0.35</EngineVersion>
        <DBInstanceStatus>available</DBInstanceStatus>
        <MasterUsername>admin</MasterUsername>
        <DBName>shop</DBName>
        <Endpoint>
          <Address>orders.abcdefghijkl.us-east-1.rds.amazonaws.com</Address>
          <Port>3306</Port>
          <HostedZoneId>Z2R2ITUGPM61AM</HostedZoneId>
        </Endpoint>
        <AllocatedStorage>100</AllocatedStorage>
        <MaxAllocatedStorage>1000</MaxAllocatedStorage>
        <StorageType>gp3</StorageType>
        <Iops>3000</Iops>
        <StorageThroughput>125</StorageThroughput>
        <InstanceCreateTime>2024-03-01T10:15:00.123Z</InstanceCreateTime>
        <BackupRetentionPeriod>7</BackupRetentionPeriod>
        <LatestRestorableTime>2025-01-02T03:04:05Z</LatestRestorableTime>
        <MultiAZ>true</MultiAZ>
        <AvailabilityZone>us-east-1a</AvailabilityZone>
        <SecondaryAvailabilityZone>us-east-1b</SecondaryAvailabilityZone>
        <PubliclyAccessible>false</PubliclyAccessible>
        <StorageEncrypted>true</StorageEncrypted>
        <KmsKeyId>arn:aws:kms:us-east-1:123456789012:key/1234abcd</KmsKeyId>
        <IAMDatabaseAuthenticationEnabled>true</IAMDatabaseAuthenticationEnabled>
        <DeletionProtection>true</DeletionProtection>
        <CACertificateIdentifier>rds-ca-rsa2048-g1</CACertificateIdentifier>
        <ReadReplicaDBInstanceIdentifiers>
          <ReadReplicaDBInstanceIdentifier>orders-replica</ReadReplicaDBInstanceIdentifier>
          <ReadReplicaDBInstanceIdentifier>arn:aws:rds:eu-west-1:123456789012:db:orders-eu</ReadReplicaDBInstanceIdentifier>
        </ReadReplicaDBInstanceIdentifiers>
        <VpcSecurityGroups>
          <VpcSecurityGroupMembership><VpcSecurityGroupId>sg-0123</VpcSecurityGroupId><Status>active</Status></VpcSecurityGroupMembership>
        </VpcSecurityGroups>
        <DBParameterGroups>
          <DBParameterGroup><DBParameterGroupName>default.mysql8.0</DBParameterGroupName><ParameterApplyStatus>in-sync</ParameterApplyStatus></DBParameterGroup>
        </DBParameterGroups>
        <DBSubnetGroup><DBSubnetGroupName>default</DBSubnetGroupName><VpcId>vpc-0abc</VpcId></DBSubnetGroup>
        <PendingModifiedValues><DBInstanceClass>db.m5.xlarge</DBInstanceClass><AllocatedStorage>200</AllocatedStorage></PendingModifiedValues>
        <MasterUserSecret>
          <SecretArn>arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-0a1b2c3d-AbCdEf</SecretArn>
          <SecretStatus>active</SecretStatus>
          <KmsKeyId>arn:aws:kms:us-east-1:123456789012:key/5678</KmsKeyId>
        </MasterUserSecret>
        <TagList><Tag><Key>env</Key><Value>prod</Value></Tag><Tag><Key>team</Key><Value>checkout</Value></Tag></TagList>
      </DBInstance>
    </DBInstances>
  </DescribeDBInstancesResult>
  <ResponseMetadata><RequestId>9135fff3-8509-11e0-bd9b-a7b1ece36d51</RequestId></ResponseMetadata>
</DescribeDBInstancesResponse>`;

let server: Server;
let endpoint: string;
beforeAll(async () => {
  server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/xml' }).end(DOCUMENTED_XML),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('toRdsInstance', () => {
  it('maps the documented response, parsed by the real SDK, to a JSON-safe DTO', async () => {
    const rds = new RDSClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    });
    const { DBInstances = [] } = await rds.send(new DescribeDBInstancesCommand({}));
    rds.destroy();
    const dto = toRdsInstance(DBInstances[0] as DBInstance, 'us-east-1');
    expect(dto).toEqual({
      id: 'orders',
      arn: 'arn:aws:rds:us-east-1:123456789012:db:orders',
      region: 'us-east-1',
      engine: 'mysql',
      engineVersion: '8.0.35',
      instanceClass: 'db.m5.large',
      status: 'available',
      createdAt: '2024-03-01T10:15:00.123Z',
      multiAz: true,
      availabilityZone: 'us-east-1a',
      secondaryAvailabilityZone: 'us-east-1b',
      endpoint: { address: 'orders.abcdefghijkl.us-east-1.rds.amazonaws.com', port: 3306 },
      storage: { type: 'gp3', allocatedGiB: 100, maxAllocatedGiB: 1000, iops: 3000, throughputMiBps: 125 },
      backupRetentionDays: 7,
      latestRestorableTime: '2025-01-02T03:04:05.000Z',
      encrypted: true,
      kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd',
      publiclyAccessible: false,
      iamAuth: true,
      deletionProtection: true,
      role: 'primary',
      replicaIds: ['orders-replica', 'orders-eu'],
      replicas: [
        { id: 'orders-replica', region: 'us-east-1' },
        { id: 'orders-eu', region: 'eu-west-1', arn: 'arn:aws:rds:eu-west-1:123456789012:db:orders-eu' },
      ],
      statusInfos: [],
      masterUsername: 'admin',
      masterUserSecret: {
        arn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-0a1b2c3d-AbCdEf',
        status: 'active',
        kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/5678',
      },
      dbName: 'shop',
      caCertificate: 'rds-ca-rsa2048-g1',
      vpcId: 'vpc-0abc',
      subnetGroup: 'default',
      securityGroupIds: ['sg-0123'],
      parameterGroups: ['default.mysql8.0'],
      pendingModifications: { DBInstanceClass: 'db.m5.xlarge', AllocatedStorage: 200 },
      tags: [
        { key: 'env', value: 'prod' },
        { key: 'team', value: 'checkout' },
      ],
    });
    expect(JSON.parse(JSON.stringify(dto))).toEqual(dto);
  });

  it('maps a cross-region replica: its source from an ARN, its replication state from StatusInfos', () => {
    const replica: DBInstance = {
      DBInstanceIdentifier: 'orders-eu',
      DBInstanceArn: 'arn:aws:rds:eu-west-1:123456789012:db:orders-eu',
      Engine: 'mysql',
      DBInstanceStatus: 'available',
      ReadReplicaSourceDBInstanceIdentifier: 'arn:aws:rds:us-east-1:123456789012:db:orders',
      StatusInfos: [
        {
          StatusType: 'read replication',
          Normal: false,
          Status: 'error',
          Message: 'Error 1062 on table shop.orders',
        },
      ],
    };
    const dto = toRdsInstance(replica, 'eu-west-1');
    expect(dto).toMatchObject({
      role: 'replica',
      sourceId: 'orders',
      source: { id: 'orders', region: 'us-east-1', arn: 'arn:aws:rds:us-east-1:123456789012:db:orders' },
      replication: {
        type: 'read replication',
        status: 'error',
        normal: false,
        message: 'Error 1062 on table shop.orders',
      },
      multiAz: false,
      encrypted: false,
      replicaIds: [],
    });
    // A same-region source is a plain identifier.
    const local = toRdsInstance({ ...replica, ReadReplicaSourceDBInstanceIdentifier: 'orders' }, 'us-east-1');
    expect(local.source).toEqual({ id: 'orders', region: 'us-east-1' });
  });

  it('leaves out what an instance being created does not have yet', () => {
    const dto = toRdsInstance(
      { DBInstanceIdentifier: 'new', Engine: 'mariadb', DBInstanceStatus: 'creating' },
      'us-east-1',
    );
    expect(dto.endpoint).toBeUndefined();
    expect(dto.storage).toEqual({});
    expect(Object.values(dto)).not.toContain(undefined);
    expect(dto.role).toBe('standalone');
  });

  it('counts Aurora clusters fed by an instance as replicas', () => {
    expect(roleOf({ ReadReplicaDBClusterIdentifiers: ['arn:aws:rds:us-east-1:1:cluster:c'] })).toBe(
      'primary',
    );
  });
});

describe('events and snapshots', () => {
  it('maps DescribeEvents and DescribeDBSnapshots entries and sorts them newest first', () => {
    const events = [
      {
        SourceIdentifier: 'orders',
        SourceType: 'db-instance' as const,
        Message: 'Backing up',
        EventCategories: ['backup'],
        Date: new Date('2025-01-01T00:00:00Z'),
      },
      {
        SourceIdentifier: 'orders',
        SourceType: 'db-instance' as const,
        Message: 'Rebooted',
        Date: new Date('2025-01-02T00:00:00Z'),
      },
    ].map(toRdsEvent);
    expect(newestFirst(events, (e) => e.date).map((e) => e.message)).toEqual(['Rebooted', 'Backing up']);
    expect(events[1]).toEqual({
      date: '2025-01-02T00:00:00.000Z',
      message: 'Rebooted',
      sourceId: 'orders',
      sourceType: 'db-instance',
      categories: [],
    });
    expect(
      toRdsSnapshot({
        DBSnapshotIdentifier: 'rds:orders-2025-01-01-00-00',
        DBInstanceIdentifier: 'orders',
        SnapshotType: 'automated',
        Status: 'creating',
        PercentProgress: 40,
        Encrypted: true,
        SnapshotCreateTime: new Date('2025-01-01T00:00:00Z'),
      }),
    ).toEqual({
      id: 'rds:orders-2025-01-01-00-00',
      instanceId: 'orders',
      type: 'automated',
      status: 'creating',
      percentProgress: 40,
      encrypted: true,
      createdAt: '2025-01-01T00:00:00.000Z',
    });
  });
});
