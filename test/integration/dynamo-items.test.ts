import {
  BatchWriteItemCommand,
  CreateTableCommand,
  GetItemCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DynamoItem } from '../../src/shared/models/dynamo';
import type { ReadRequestInput } from '../../src/shared/models/dynamo-schemas';
import {
  DYNAMO_PROFILE,
  DYNAMO_REGION,
  startDynamoWorkspace,
  type DynamoWorkspace,
} from '../support/dynamo-workspace';

const endpoint = inject('harness').dynamodb?.endpoint ?? '';
const ref = { profile: DYNAMO_PROFILE, region: DYNAMO_REGION };
const TABLE = 'dyn-items-Orders';
const day = (n: number): string => `2024-01-${String(n).padStart(2, '0')}`;

function order(customer: string, n: number): Record<string, AttributeValue> {
  return {
    customer: { S: customer },
    date: { S: day(n) },
    status: { S: n % 2 === 0 ? 'open' : 'closed' },
    total: { N: String(n) },
    ...(n % 5 === 0 ? { tags: { SS: ['gift', `t${n}`] } } : {}),
  };
}

describe('DynamoDB items, queries and PartiQL on DynamoDB Local', () => {
  let app: DynamoWorkspace;
  const query = (extra: Partial<ReadRequestInput>): ReadRequestInput => ({
    mode: 'query',
    table: TABLE,
    partitionKey: { name: 'customer', value: { S: 'c1' } },
    ...extra,
  });
  const readAllPages = async (request: ReadRequestInput): Promise<DynamoItem[]> => {
    const items: DynamoItem[] = [];
    let cursor: DynamoItem | undefined;
    do {
      const page = await app.call('dynamo.read', { ...ref, request, cursor });
      if (page.items.length) expect(page.consumed.readUnits).toBeGreaterThan(0);
      items.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return items;
  };
  const dates = (items: DynamoItem[]): string[] => items.map((i) => (i.date as { S: string }).S);

  beforeAll(async () => {
    app = await startDynamoWorkspace(endpoint);
    await app.sdk.send(
      new CreateTableCommand({
        TableName: TABLE,
        AttributeDefinitions: [
          { AttributeName: 'customer', AttributeType: 'S' },
          { AttributeName: 'date', AttributeType: 'S' },
          { AttributeName: 'status', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'customer', KeyType: 'HASH' },
          { AttributeName: 'date', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byStatus',
            KeySchema: [
              { AttributeName: 'status', KeyType: 'HASH' },
              { AttributeName: 'date', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const items = [
      ...Array.from({ length: 20 }, (_, i) => order('c1', i + 1)),
      ...Array.from({ length: 10 }, (_, i) => order('c2', i + 1)),
    ];
    for (let i = 0; i < items.length; i += 25) {
      const PutRequests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      await app.sdk.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: PutRequests } }));
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  it('queries with each sort key condition', async () => {
    const sk = (op: string, value: string, value2?: string) =>
      query({
        sortKey: {
          name: 'date',
          op: op as never,
          value: { S: value },
          ...(value2 ? { value2: { S: value2 } } : {}),
        },
      });
    expect(dates(await readAllPages(sk('=', day(5))))).toEqual([day(5)]);
    expect(await readAllPages(sk('<', day(5)))).toHaveLength(4);
    expect(await readAllPages(sk('<=', day(5)))).toHaveLength(5);
    expect(await readAllPages(sk('>', day(15)))).toHaveLength(5);
    expect(await readAllPages(sk('>=', day(15)))).toHaveLength(6);
    expect(dates(await readAllPages(sk('between', day(3), day(6))))).toEqual([
      day(3),
      day(4),
      day(5),
      day(6),
    ]);
    expect(await readAllPages(sk('begins_with', '2024-01-1'))).toHaveLength(10);
  });

  it('pages by LastEvaluatedKey with an explicit limit, newest first when asked, and shows the expression', async () => {
    const first = await app.call('dynamo.read', { ...ref, request: query({ limit: 7, descending: true }) });
    expect(first.items).toHaveLength(7);
    expect(dates(first.items)[0]).toBe(day(20));
    expect(first.cursor).toEqual({ customer: { S: 'c1' }, date: { S: day(14) } });
    expect(first.expression).toMatchObject({
      operation: 'Query',
      keyConditionExpression: '#n0 = :v0',
      scanIndexForward: false,
      limit: 7,
    });
    expect(first.expression.code.cli).toContain('--no-scan-index-forward');
    const all = await readAllPages(query({ limit: 7, descending: true }));
    expect(dates(all)).toEqual(Array.from({ length: 20 }, (_, i) => day(20 - i)));
  });

  it('filters on any attribute, projects, and queries an index', async () => {
    const scan = (filters: ReadRequestInput['filters'], projection?: string[]) =>
      readAllPages({ mode: 'scan', table: TABLE, filters, projection, limit: 8 });
    expect(await scan([{ name: 'status', op: '=', value: { S: 'open' } }])).toHaveLength(15);
    expect(await scan([{ name: 'total', op: '>', value: { N: '15' } }])).toHaveLength(5);
    expect(await scan([{ name: 'tags', op: 'exists' }])).toHaveLength(6);
    expect(await scan([{ name: 'tags', op: 'not_exists' }])).toHaveLength(24);
    expect(await scan([{ name: 'tags', op: 'contains', value: { S: 't10' } }])).toHaveLength(2);
    expect(await scan([{ name: 'date', op: 'begins_with', value: { S: '2024-01-0' } }])).toHaveLength(18);
    expect(await scan([{ name: 'total', op: 'in', values: [{ N: '1' }, { N: '2' }] }])).toHaveLength(4);
    expect(
      await scan([
        { name: 'total', op: 'between', value: { N: '3' }, value2: { N: '4' } },
        { name: 'customer', op: '<>', value: { S: 'c2' } },
      ]),
    ).toHaveLength(2);
    const projected = await scan([{ name: 'total', op: '=', value: { N: '7' } }], ['date', 'total']);
    expect(projected).toEqual([
      { date: { S: day(7) }, total: { N: '7' } },
      { date: { S: day(7) }, total: { N: '7' } },
    ]);
    const byIndex = await readAllPages({
      mode: 'query',
      table: TABLE,
      index: 'byStatus',
      partitionKey: { name: 'status', value: { S: 'closed' } },
      sortKey: { name: 'date', op: '<=', value: { S: day(3) } },
    });
    expect(byIndex).toHaveLength(4);
  });

  it('refuses to overwrite an item changed behind the editor, and shows the current one', async () => {
    const key = { customer: { S: 'c2' }, date: { S: day(1) } };
    const { item: loaded, consumed } = await app.call('dynamo.getItem', { ...ref, table: TABLE, key });
    expect(consumed.readUnits).toBeGreaterThan(0);
    if (!loaded) throw new Error('the seeded item is there');
    await app.sdk.send(
      new UpdateItemCommand({
        TableName: TABLE,
        Key: key,
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': { S: 'shipped' } },
      }),
    );
    const edited = { ...loaded, note: { S: 'call first' } };
    const keyNames = ['customer', 'date'];
    const conflict = await app.failure('dynamo.putItem', {
      ...ref,
      table: TABLE,
      item: edited,
      expected: loaded,
      keyNames,
    });
    expect(conflict).toMatchObject({
      code: 'CONFLICT',
      details: { awsCode: 'ConditionalCheckFailedException' },
    });
    expect(conflict.details?.current).toEqual({ ...loaded, status: { S: 'shipped' } });
    const stored = await app.sdk.send(new GetItemCommand({ TableName: TABLE, Key: key }));
    expect(stored.Item?.note).toBeUndefined();

    const duplicate = await app.failure('dynamo.putItem', {
      ...ref,
      table: TABLE,
      item: edited,
      expected: null,
      keyNames,
    });
    expect(duplicate.code).toBe('CONFLICT');

    const current = conflict.details?.current as DynamoItem;
    const saved = await app.call('dynamo.putItem', {
      ...ref,
      table: TABLE,
      item: { ...current, note: { S: 'call first' } },
      expected: current,
      keyNames,
    });
    expect(saved.consumed.writeUnits).toBeGreaterThan(0);
    const staleDelete = await app.failure('dynamo.deleteItem', {
      ...ref,
      table: TABLE,
      key,
      expected: { ...current, note: { S: 'call later' } },
    });
    expect(staleDelete.details?.current).toMatchObject({ note: { S: 'call first' } });
    // An attribute the editor adds must not exist yet: someone else adding it is a conflict too.
    const added = await app.failure('dynamo.putItem', {
      ...ref,
      table: TABLE,
      item: { ...current, note: { S: 'mine' } },
      expected: current,
      keyNames,
    });
    expect(added.code).toBe('CONFLICT');
  });

  it('commits staged changes as one transaction, or names the change that failed', async () => {
    const key = { customer: { S: 'c2' }, date: { S: day(2) } };
    const { item: loaded } = await app.call('dynamo.getItem', { ...ref, table: TABLE, key });
    if (!loaded) throw new Error('the seeded item is there');
    const fresh = { customer: { S: 'c3' }, date: { S: day(1) }, total: { N: '1' } };
    const stale = { ...loaded, total: { N: '999' } };
    const changes = [
      { kind: 'put' as const, table: TABLE, item: fresh, expected: null, keyNames: ['customer', 'date'] },
      {
        kind: 'put' as const,
        table: TABLE,
        item: { ...loaded, total: { N: '3' } },
        expected: stale,
        keyNames: ['customer', 'date'],
      },
      { kind: 'delete' as const, table: TABLE, key: { customer: { S: 'c2' }, date: { S: day(3) } } },
    ];
    const cancelled = await app.failure('dynamo.transactWrite', { ...ref, changes });
    expect(cancelled).toMatchObject({
      code: 'CONFLICT',
      details: { awsCode: 'TransactionCanceledException' },
    });
    expect(cancelled.details?.reasons).toEqual([
      { index: 1, code: 'ConditionalCheckFailed', message: expect.any(String), current: loaded },
    ]);
    const notWritten = await app.call('dynamo.getItem', {
      ...ref,
      table: TABLE,
      key: { customer: { S: 'c3' }, date: { S: day(1) } },
    });
    expect(notWritten.item).toBeUndefined();

    changes[1] = { ...changes[1], expected: loaded } as (typeof changes)[1];
    const committed = await app.call('dynamo.transactWrite', { ...ref, changes });
    expect(committed.committed).toBe(3);
    expect(committed.consumed.writeUnits).toBeGreaterThan(0);
    expect((await app.call('dynamo.getItem', { ...ref, table: TABLE, key })).item?.total).toEqual({ N: '3' });
  });

  it('runs PartiQL with parameters page by page, and a batch with per-statement errors', async () => {
    const items: DynamoItem[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await app.call('dynamo.partiql', {
        ...ref,
        statement: `SELECT * FROM "${TABLE}" WHERE customer = ?`,
        parameters: [{ S: 'c1' }],
        limit: 6,
        nextToken,
      });
      items.push(...page.items);
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    expect(items).toHaveLength(20);
    expect(pages).toBeGreaterThanOrEqual(4);
    const batch = await app.call('dynamo.partiqlBatch', {
      ...ref,
      statements: [
        { statement: `INSERT INTO "${TABLE}" VALUE {'customer': 'c4', 'date': '2024-02-01'}` },
        { statement: `INSERT INTO "${TABLE}" VALUE {'customer': 'c1', 'date': '2024-01-01'}` },
      ],
    });
    expect(batch.results[0]).toEqual({});
    expect(batch.results[1]?.error?.code).toBe('DuplicateItem');
    const bad = await app.failure('dynamo.partiql', { ...ref, statement: 'SELEKT nothing' });
    expect(bad.code).toBe('INVALID_REQUEST');
  });

  it('fetches every page in parallel scan segments as a job, and cancels one', async () => {
    const { jobId } = await app.call('dynamo.fetchAll', {
      ...ref,
      request: { mode: 'scan', table: TABLE, limit: 4 },
      segments: 3,
    });
    const end = await app.jobEnd(jobId);
    const fetched = app
      .eventsOf('dynamo.items')
      .filter((e) => e.jobId === jobId)
      .flatMap((e) => e.items);
    expect(end).toMatchObject({ state: 'done', kind: 'fetchAll', processed: fetched.length });
    const scanned = await readAllPages({ mode: 'scan', table: TABLE, limit: 100 });
    expect(fetched.length).toBe(scanned.length);
    expect(new Set(fetched.map((i) => JSON.stringify([i.customer, i.date]))).size).toBe(scanned.length);
    expect(end.consumed.readUnits).toBeGreaterThan(0);

    // The caller names the job, so it can listen before it asks; a running job's id is refused.
    const named = { ...ref, request: { mode: 'scan' as const, table: TABLE, limit: 1 }, jobId: 'fetch_1' };
    const started = await app.call('dynamo.fetchAll', named);
    expect(started.jobId).toBe('fetch_1');
    expect((await app.failure('dynamo.fetchAll', named)).code).toBe('CONFLICT');
    expect((await app.failure('dynamo.fetchAll', { ...named, jobId: 'a b' })).code).toBe('INVALID_REQUEST');
    expect(await app.call('dynamo.cancelJob', { jobId: started.jobId })).toEqual({ cancelled: true });
    expect((await app.jobEnd(started.jobId)).state).toBe('cancelled');
  });

  it('deletes several items at once', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => ({ customer: { S: 'c2' }, date: { S: day(i + 1) } }));
    const result = await app.call('dynamo.deleteItems', { ...ref, table: TABLE, keys });
    expect(result).toMatchObject({ deleted: 10, failed: [] });
    const left = await readAllPages(query({ partitionKey: { name: 'customer', value: { S: 'c2' } } }));
    expect(left).toEqual([]);
  });
});
