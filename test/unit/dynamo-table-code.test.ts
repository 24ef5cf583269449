import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { tableCloudFormation, tableCreateCli } from '../../src/main/dynamo/table-code';
import { toTableDetail } from '../../src/main/dynamo/table-detail-mapper';
import { createTableInput } from '../../src/main/dynamo/tables';
import { createTableSchema } from '../../src/shared/models/dynamo-schemas';

// A DescribeTable answer as the API reference documents it.
const DESCRIBED: TableDescription = {
  TableName: 'Orders',
  TableArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders',
  TableStatus: 'ACTIVE',
  CreationDateTime: new Date('2024-05-01T10:00:00Z'),
  AttributeDefinitions: [
    { AttributeName: 'customer', AttributeType: 'S' },
    { AttributeName: 'date', AttributeType: 'S' },
    { AttributeName: 'total', AttributeType: 'N' },
  ],
  KeySchema: [
    { AttributeName: 'customer', KeyType: 'HASH' },
    { AttributeName: 'date', KeyType: 'RANGE' },
  ],
  BillingModeSummary: { BillingMode: 'PROVISIONED' },
  ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 2 },
  ItemCount: 42,
  TableSizeBytes: 4096,
  GlobalSecondaryIndexes: [
    {
      IndexName: 'byTotal',
      KeySchema: [{ AttributeName: 'total', KeyType: 'HASH' }],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['status'] },
      IndexStatus: 'ACTIVE',
      ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 1 },
    },
  ],
  LocalSecondaryIndexes: [
    {
      IndexName: 'byCustomerTotal',
      KeySchema: [
        { AttributeName: 'customer', KeyType: 'HASH' },
        { AttributeName: 'total', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    },
  ],
  StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  LatestStreamArn: 'arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2024-05-01T10:00:00.000',
  DeletionProtectionEnabled: true,
  Replicas: [{ RegionName: 'us-east-1', ReplicaStatus: 'ACTIVE' }],
};

const detail = toTableDetail(DESCRIBED, 'eu-west-1', {
  ttl: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' },
  pitr: {
    ContinuousBackupsStatus: 'ENABLED',
    PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' },
  },
  tags: [{ Key: 'team', Value: 'orders' }],
});

describe('table detail', () => {
  it('merges DescribeTable, TTL, PITR and tags into one JSON-safe detail', () => {
    expect(detail).toMatchObject({
      name: 'Orders',
      status: 'ACTIVE',
      createdAt: '2024-05-01T10:00:00.000Z',
      partitionKey: { name: 'customer', type: 'S' },
      sortKey: { name: 'date', type: 'S' },
      billingMode: 'PROVISIONED',
      provisioned: { readUnits: 5, writeUnits: 2 },
      itemCount: 42,
      ttl: { status: 'ENABLED', attribute: 'expiresAt' },
      stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
      pitr: { status: 'ENABLED' },
      deletionProtection: true,
      tags: [{ key: 'team', value: 'orders' }],
      replicas: [{ region: 'us-east-1', status: 'ACTIVE' }],
    });
    expect(detail.indexes).toEqual([
      {
        name: 'byTotal',
        kind: 'GSI',
        partitionKey: { name: 'total', type: 'N' },
        projection: { type: 'INCLUDE', attributes: ['status'] },
        status: 'ACTIVE',
        provisioned: { readUnits: 3, writeUnits: 1 },
      },
      {
        name: 'byCustomerTotal',
        kind: 'LSI',
        partitionKey: { name: 'customer', type: 'S' },
        sortKey: { name: 'total', type: 'N' },
        projection: { type: 'KEYS_ONLY' },
      },
    ]);
    expect(JSON.parse(JSON.stringify(detail))).toEqual(detail);
  });
});

describe('table as code', () => {
  it('writes an AWS::DynamoDB::Table resource', () => {
    const yaml = tableCloudFormation(detail);
    expect(yaml).toContain(
      '  OrdersTable:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: Orders\n',
    );
    expect(yaml).toContain(
      '      KeySchema:\n        - AttributeName: customer\n          KeyType: HASH\n        - AttributeName: date\n          KeyType: RANGE\n',
    );
    expect(yaml).toContain(
      '      ProvisionedThroughput:\n        ReadCapacityUnits: 5\n        WriteCapacityUnits: 2\n',
    );
    expect(yaml).toContain(
      '      GlobalSecondaryIndexes:\n        - IndexName: byTotal\n          KeySchema:\n            - AttributeName: total\n              KeyType: HASH\n          Projection:\n            ProjectionType: INCLUDE\n            NonKeyAttributes:\n              - status\n          ProvisionedThroughput:\n',
    );
    expect(yaml).toContain('      LocalSecondaryIndexes:\n        - IndexName: byCustomerTotal\n');
    expect(yaml).toContain('      StreamSpecification:\n        StreamViewType: NEW_AND_OLD_IMAGES\n');
    expect(yaml).toContain(
      '      TimeToLiveSpecification:\n        AttributeName: expiresAt\n        Enabled: true\n',
    );
    expect(yaml).toContain(
      '      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n',
    );
    expect(yaml).toContain('      DeletionProtectionEnabled: true\n');
    expect(yaml).toContain('      Tags:\n        - Key: team\n          Value: orders\n');
  });

  it('writes an aws dynamodb create-table command', () => {
    const cli = tableCreateCli(detail);
    expect(cli.split(' \\\n  ')).toEqual([
      'aws dynamodb create-table',
      '--table-name Orders',
      `--attribute-definitions '[{"AttributeName":"customer","AttributeType":"S"},{"AttributeName":"date","AttributeType":"S"},{"AttributeName":"total","AttributeType":"N"}]'`,
      `--key-schema '[{"AttributeName":"customer","KeyType":"HASH"},{"AttributeName":"date","KeyType":"RANGE"}]'`,
      '--billing-mode PROVISIONED',
      '--provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=2',
      `--global-secondary-indexes '[{"IndexName":"byTotal","KeySchema":[{"AttributeName":"total","KeyType":"HASH"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["status"]},"ProvisionedThroughput":{"ReadCapacityUnits":3,"WriteCapacityUnits":1}}]'`,
      `--local-secondary-indexes '[{"IndexName":"byCustomerTotal","KeySchema":[{"AttributeName":"customer","KeyType":"HASH"},{"AttributeName":"total","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}]'`,
      `--stream-specification '{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}'`,
      '--deletion-protection-enabled',
      `--tags '[{"Key":"team","Value":"orders"}]'`,
      '--region eu-west-1',
    ]);
  });

  it('turns a create form into CreateTable input with each key attribute declared once', () => {
    const input = createTableInput(
      createTableSchema.parse({
        table: 'Events',
        partitionKey: { name: 'pk', type: 'S' },
        sortKey: { name: 'at', type: 'N' },
        billingMode: 'PAY_PER_REQUEST',
        indexes: [
          {
            name: 'byType',
            kind: 'GSI',
            partitionKey: { name: 'type', type: 'S' },
            sortKey: { name: 'at', type: 'N' },
          },
        ],
      }),
    );
    expect(input.AttributeDefinitions).toEqual([
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'at', AttributeType: 'N' },
      { AttributeName: 'type', AttributeType: 'S' },
    ]);
    expect(input.GlobalSecondaryIndexes?.[0]).toEqual({
      IndexName: 'byType',
      KeySchema: [
        { AttributeName: 'type', KeyType: 'HASH' },
        { AttributeName: 'at', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
    expect(input.ProvisionedThroughput).toBeUndefined();
    expect(
      createTableSchema.safeParse({
        table: 'Events',
        partitionKey: { name: 'pk', type: 'S' },
        billingMode: 'PROVISIONED',
      }).success,
    ).toBe(false);
  });
});
