import { QueryCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type {
  BuiltExpression,
  ConsumedCapacity,
  DynamoItem,
  DynamoReadPage,
} from '../../shared/models/dynamo';
import type { ReadRequest } from '../../shared/models/dynamo-schemas';
import { fromAttributeMap, toAttributeMap } from './attribute-values';
import { toConsumed } from './consumed-capacity';
import type { DynamoConnection } from './dynamo-connector';
import { toDynamoError } from './dynamo-errors';
import { buildExpression } from '../../shared/dynamo/expression-builder';
import { withRetry, type CallContext } from './with-retry';

export interface RawPage {
  items: Record<string, AttributeValue>[];
  count: number;
  scannedCount: number;
  next?: Record<string, AttributeValue>;
  consumed: ConsumedCapacity;
}

/** One Scan or Query call for a built expression, items left as the SDK gave them. */
export async function readRaw(
  conn: DynamoConnection,
  built: BuiltExpression,
  start: Record<string, AttributeValue> | undefined,
  ctx: CallContext,
  segment?: { segment: number; total: number },
): Promise<RawPage> {
  const input = {
    TableName: built.tableName,
    IndexName: built.indexName,
    FilterExpression: built.filterExpression,
    ProjectionExpression: built.projectionExpression,
    ExpressionAttributeNames: built.expressionAttributeNames,
    ExpressionAttributeValues:
      built.expressionAttributeValues && toAttributeMap(built.expressionAttributeValues),
    ConsistentRead: built.consistentRead,
    Limit: built.limit,
    ExclusiveStartKey: start,
    // INDEXES breaks a read down by table and index, which tells where a query on a GSI spends.
    ReturnConsumedCapacity: 'INDEXES' as const,
  };
  const out = await withRetry(built.operation, built.tableName, ctx, (abortSignal) =>
    built.operation === 'Query'
      ? conn.ddb.send(
          new QueryCommand({
            ...input,
            KeyConditionExpression: built.keyConditionExpression,
            ScanIndexForward: built.scanIndexForward,
          }),
          { abortSignal },
        )
      : conn.ddb.send(
          new ScanCommand({ ...input, Segment: segment?.segment, TotalSegments: segment?.total }),
          { abortSignal },
        ),
  ).catch((err: unknown) => {
    throw toDynamoError(err, `${built.operation} on ${built.tableName}`);
  });
  return {
    items: out.Items ?? [],
    count: out.Count ?? 0,
    scannedCount: out.ScannedCount ?? 0,
    ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}),
    consumed: toConsumed(out.ConsumedCapacity, 'read'),
  };
}

/** One page for the grid: items on the wire, the cursor for the next page, the expression used. */
export async function readPage(
  conn: DynamoConnection,
  req: ReadRequest,
  cursor: DynamoItem | undefined,
  ctx: CallContext,
): Promise<DynamoReadPage> {
  const expression = buildExpression(req, conn.region);
  const page = await readRaw(conn, expression, cursor && toAttributeMap(cursor), ctx);
  return {
    items: page.items.map(fromAttributeMap),
    count: page.count,
    scannedCount: page.scannedCount,
    ...(page.next ? { cursor: fromAttributeMap(page.next) } : {}),
    consumed: page.consumed,
    expression,
  };
}
