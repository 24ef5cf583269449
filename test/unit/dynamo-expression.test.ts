import { describe, expect, it } from 'vitest';
import { buildExpression } from '../../src/shared/dynamo/expression-builder';
import { readRequestSchema, type ReadRequestInput } from '../../src/shared/models/dynamo-schemas';

const build = (input: ReadRequestInput) => buildExpression(readRequestSchema.parse(input), 'eu-west-1');

describe('scan and query expressions', () => {
  it('builds a query with each sort key condition, names and values as placeholders', () => {
    const cases = [
      [{ op: '=' }, '#n1 = :v1'],
      [{ op: '<' }, '#n1 < :v1'],
      [{ op: '<=' }, '#n1 <= :v1'],
      [{ op: '>' }, '#n1 > :v1'],
      [{ op: '>=' }, '#n1 >= :v1'],
      [{ op: 'begins_with' }, 'begins_with(#n1, :v1)'],
      [{ op: 'between', value2: { S: '2024-12' } }, '#n1 BETWEEN :v1 AND :v2'],
    ] as const;
    for (const [sk, expected] of cases) {
      const built = build({
        mode: 'query',
        table: 'Orders',
        partitionKey: { name: 'customer', value: { S: 'c1' } },
        sortKey: { name: 'date', value: { S: '2024-01' }, ...sk },
      });
      expect(built.keyConditionExpression).toBe(`#n0 = :v0 AND ${expected}`);
      expect(built.expressionAttributeNames).toEqual({ '#n0': 'customer', '#n1': 'date' });
      expect(built.expressionAttributeValues?.[':v0']).toEqual({ S: 'c1' });
    }
  });

  it('keeps reserved words and odd names safe by naming every attribute through a placeholder', () => {
    const built = build({
      mode: 'scan',
      table: 'Users',
      filters: [
        { name: 'status', op: '=', value: { S: 'active' } },
        { name: 'size', op: 'between', value: { N: '1' }, value2: { N: '10' } },
        { name: 'name', op: 'begins_with', value: { S: 'Mo' } },
        { name: 'tags', op: 'contains', value: { S: 'x' } },
        { name: 'tags', op: 'not_contains', value: { S: 'y' } },
        { name: 'email', op: 'exists' },
        { name: 'deleted at', op: 'not_exists' },
        { name: 'role', op: 'in', values: [{ S: 'a' }, { S: 'b' }] },
        { name: 'data', op: 'attribute_type', value: { S: 'M' } },
        { name: 'count', op: '<>', value: { N: '0' } },
      ],
      projection: ['name', 'status', 'timestamp'],
      consistentRead: true,
      limit: 50,
    });
    expect(built.operation).toBe('Scan');
    expect(built.keyConditionExpression).toBeUndefined();
    expect(built.filterExpression).toBe(
      '#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2 AND begins_with(#n2, :v3) AND contains(#n3, :v4) AND ' +
        'NOT contains(#n3, :v5) AND attribute_exists(#n4) AND attribute_not_exists(#n5) AND ' +
        '#n6 IN (:v6, :v7) AND attribute_type(#n7, :v8) AND #n8 <> :v9',
    );
    expect(built.projectionExpression).toBe('#n2, #n0, #n9');
    expect(built.expressionAttributeNames).toMatchObject({
      '#n0': 'status',
      '#n5': 'deleted at',
      '#n9': 'timestamp',
    });
    expect(built).toMatchObject({ consistentRead: true, limit: 50 });
  });

  it('orders a query newest first and defaults to an explicit page limit', () => {
    const built = build({
      mode: 'query',
      table: 'Orders',
      index: 'byDate',
      partitionKey: { name: 'pk', value: { N: '7' } },
      descending: true,
    });
    expect(built).toMatchObject({
      operation: 'Query',
      indexName: 'byDate',
      scanIndexForward: false,
      limit: 100,
    });
  });

  it('refuses a query without its partition key and key conditions on a scan', () => {
    expect(readRequestSchema.safeParse({ mode: 'query', table: 'Orders' }).success).toBe(false);
    expect(
      readRequestSchema.safeParse({
        mode: 'scan',
        table: 'Orders',
        partitionKey: { name: 'a', value: { S: 'x' } },
      }).success,
    ).toBe(false);
    expect(
      readRequestSchema.safeParse({
        mode: 'scan',
        table: 'Orders',
        filters: [{ name: 'a', op: 'between', value: { N: '1' } }],
      }).success,
    ).toBe(false);
  });

  it('copies as an AWS CLI command and as JavaScript SDK v3 code', () => {
    const built = build({
      mode: 'query',
      table: 'Orders',
      partitionKey: { name: 'customer', value: { S: "O'Brien" } },
      filters: [{ name: 'blob', op: '=', value: { B: 'AAEC' } }],
      limit: 25,
    });
    expect(built.code.cli).toBe(
      [
        'aws dynamodb query',
        '--table-name Orders',
        "--key-condition-expression '#n0 = :v0'",
        "--filter-expression '#n1 = :v1'",
        `--expression-attribute-names '{"#n0":"customer","#n1":"blob"}'`,
        `--expression-attribute-values '{":v0":{"S":"O'\\''Brien"},":v1":{"B":"AAEC"}}'`,
        '--page-size 25',
        '--max-items 25',
        '--return-consumed-capacity TOTAL',
        '--region eu-west-1',
      ].join(' \\\n  '),
    );
    expect(built.code.sdk).toContain(
      "import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';",
    );
    expect(built.code.sdk).toContain('new DynamoDBClient({ region: "eu-west-1" })');
    expect(built.code.sdk).toContain('KeyConditionExpression: "#n0 = :v0",');
    expect(built.code.sdk).toContain(`":v0": {"S":"O'Brien"},`);
    expect(built.code.sdk).toContain(`":v1": { B: Buffer.from("AAEC", 'base64') },`);
    expect(built.code.sdk).toContain('Limit: 25,');
  });
});
