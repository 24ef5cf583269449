import { TagResourceCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import {
  DYNAMO_PROFILE,
  DYNAMO_REGION,
  startDynamoWorkspace,
  type DynamoWorkspace,
} from '../support/dynamo-workspace';

const endpoint = inject('harness').dynamodb?.endpoint ?? '';
const ref = { profile: DYNAMO_PROFILE, region: DYNAMO_REGION };
// DynamoDB Local is shared by the whole run: names unique to this file.
const TABLE = 'dyn-tables-Orders';

describe('DynamoDB tables on DynamoDB Local', () => {
  let app: DynamoWorkspace;

  beforeAll(async () => {
    // ap-south-1 stands for a region the profile cannot reach: its error must stay in place.
    app = await startDynamoWorkspace(endpoint, (connect) => async (profile, region) => {
      if (region === 'ap-south-1') throw new AppError('ACCESS_DENIED', 'Not allowed in ap-south-1');
      return connect(profile, region);
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('creates a table with keys, a GSI, an LSI and a stream, then describes it in full', async () => {
    const created = await app.call('dynamo.createTable', {
      ...ref,
      definition: {
        table: TABLE,
        partitionKey: { name: 'customer', type: 'S' },
        sortKey: { name: 'date', type: 'S' },
        billingMode: 'PROVISIONED',
        provisioned: { readUnits: 5, writeUnits: 5 },
        indexes: [
          {
            name: 'byTotal',
            kind: 'GSI',
            partitionKey: { name: 'total', type: 'N' },
            projection: 'KEYS_ONLY',
          },
          {
            name: 'byCustomerStatus',
            kind: 'LSI',
            partitionKey: { name: 'customer', type: 'S' },
            sortKey: { name: 'status', type: 'S' },
            projection: 'INCLUDE',
            nonKeyAttributes: ['note'],
          },
        ],
        stream: 'NEW_AND_OLD_IMAGES',
      },
    });
    expect(created).toMatchObject({
      name: TABLE,
      partitionKey: { name: 'customer', type: 'S' },
      sortKey: { name: 'date', type: 'S' },
      billingMode: 'PROVISIONED',
      provisioned: { readUnits: 5, writeUnits: 5 },
      stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
      deletionProtection: false,
    });
    expect(created.stream?.arn).toMatch(/stream/);
    expect(created.indexes.map((i) => [i.kind, i.name, i.projection.type])).toEqual([
      ['GSI', 'byTotal', 'KEYS_ONLY'],
      ['LSI', 'byCustomerStatus', 'INCLUDE'],
    ]);
    expect(created.attributes.map((a) => `${a.name}:${a.type}`).sort()).toEqual([
      'customer:S',
      'date:S',
      'status:S',
      'total:N',
    ]);

    // DynamoDB Local has neither tagging nor PITR: the detail still loads, without them and without
    // error lines for what the endpoint cannot do.
    await expect(
      app.sdk.send(new TagResourceCommand({ ResourceArn: created.arn, Tags: [{ Key: 'team', Value: 'x' }] })),
    ).rejects.toThrow(/Tagging is not currently supported/);
    const described = await app.call('dynamo.describeTable', { ...ref, table: TABLE });
    expect(described.tags).toEqual([]);
    expect(described.ttl).toEqual({ status: 'DISABLED' });
    expect(described.pitr).toBeUndefined();
    expect(described.partErrors).toBeUndefined();
  });

  it('lists tables per region, a failing region with its error in place', async () => {
    const { regions } = await app.call('dynamo.listTables', {
      profile: DYNAMO_PROFILE,
      regions: ['us-east-1', 'ap-south-1'],
    });
    expect(regions[0]?.region).toBe('us-east-1');
    expect(regions[0]?.tables).toContain(TABLE);
    expect(regions[1]).toEqual({
      region: 'ap-south-1',
      error: { code: 'ACCESS_DENIED', message: 'Not allowed in ap-south-1' },
    });
  });

  it('changes TTL and the stream settings', async () => {
    const ttl = await app.call('dynamo.updateTtl', {
      ...ref,
      table: TABLE,
      enabled: true,
      attribute: 'expiresAt',
    });
    expect(ttl.ttl).toEqual({ status: 'ENABLED', attribute: 'expiresAt' });
    const off = await app.call('dynamo.updateStream', { ...ref, table: TABLE, enabled: false });
    expect(off.stream).toEqual({ enabled: false });
    const on = await app.call('dynamo.updateStream', {
      ...ref,
      table: TABLE,
      enabled: true,
      viewType: 'KEYS_ONLY',
    });
    expect(on.stream).toMatchObject({ enabled: true, viewType: 'KEYS_ONLY' });
    const missingView = await app.failure('dynamo.updateStream', { ...ref, table: TABLE, enabled: true });
    expect(missingView).toMatchObject({ code: 'INVALID_REQUEST', message: /view type/ });
  });

  it('gives the table as CloudFormation and as an AWS CLI command', async () => {
    const code = await app.call('dynamo.tableCode', { ...ref, table: TABLE });
    expect(code.cloudformation).toContain(`TableName: ${TABLE}`);
    expect(code.cloudformation).toContain('Type: AWS::DynamoDB::Table');
    expect(code.cloudformation).toContain('TimeToLiveSpecification:\n        AttributeName: expiresAt');
    expect(code.cli).toMatch(/^aws dynamodb create-table \\\n {2}--table-name dyn-tables-Orders/);
  });

  it('deletes a table only when its name is typed again, and says when one is missing or taken', async () => {
    const twice = await app.failure('dynamo.createTable', {
      ...ref,
      definition: { table: TABLE, partitionKey: { name: 'id', type: 'S' }, billingMode: 'PAY_PER_REQUEST' },
    });
    expect(twice).toMatchObject({ code: 'AWS_ERROR', details: { awsCode: 'ResourceInUseException' } });
    const wrong = await app.failure('dynamo.deleteTable', {
      ...ref,
      table: TABLE,
      confirmName: 'dyn-tables-orders',
    });
    expect(wrong).toMatchObject({
      code: 'INVALID_REQUEST',
      message: `Type the table's name, ${TABLE}, to delete it.`,
    });
    expect((await app.call('dynamo.describeTable', { ...ref, table: TABLE })).name).toBe(TABLE);
    expect(await app.call('dynamo.deleteTable', { ...ref, table: TABLE, confirmName: TABLE })).toEqual({
      deleted: true,
      table: TABLE,
    });
    const gone = await app.failure('dynamo.describeTable', { ...ref, table: TABLE });
    expect(gone.code).toBe('NOT_FOUND');
    const badName = await app.failure('dynamo.createTable', {
      ...ref,
      definition: { table: 'x', partitionKey: { name: 'id', type: 'S' }, billingMode: 'PAY_PER_REQUEST' },
    });
    expect(badName).toMatchObject({
      code: 'INVALID_REQUEST',
      message: /definition\.table: A table name has 3 to 255/,
    });
  });
});
