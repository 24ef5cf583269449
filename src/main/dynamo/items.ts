import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type AttributeValue,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { AppError } from '../../shared/errors';
import type { ConsumedCapacity, DynamoItem, TransactReason } from '../../shared/models/dynamo';
import type { StagedChange } from '../../shared/models/dynamo-schemas';
import { awsCodeOf } from '../aws/aws-errors';
import { fromAttributeMap, toAttributeMap } from './attribute-values';
import { toConsumed } from './consumed-capacity';
import type { DynamoConnection } from './dynamo-connector';
import { toDynamoError, unsupported } from './dynamo-errors';
import { withRetry, type CallContext } from './with-retry';
import { keyOf, unchangedSince } from './write-conditions';

export async function getItem(
  conn: DynamoConnection,
  table: string,
  key: DynamoItem,
  consistent: boolean,
  ctx: CallContext,
): Promise<{ item?: DynamoItem; consumed: ConsumedCapacity }> {
  const out = await withRetry('GetItem', table, ctx, (abortSignal) =>
    conn.ddb.send(
      new GetItemCommand({
        TableName: table,
        Key: toAttributeMap(key),
        ConsistentRead: consistent,
        ReturnConsumedCapacity: 'TOTAL',
      }),
      { abortSignal },
    ),
  ).catch((err: unknown) => {
    throw toDynamoError(err, `Reading an item of ${table}`);
  });
  return {
    ...(out.Item ? { item: fromAttributeMap(out.Item) } : {}),
    consumed: toConsumed(out.ConsumedCapacity, 'read'),
  };
}

/** A condition failure as CONFLICT, carrying the item as it is now (or null when it is gone). */
async function conflict(
  conn: DynamoConnection,
  table: string,
  key: Record<string, AttributeValue>,
  err: unknown,
  ctx: CallContext,
): Promise<AppError> {
  const returned = (err as { Item?: Record<string, AttributeValue> }).Item;
  const current = returned
    ? fromAttributeMap(returned)
    : (await getItem(conn, table, fromAttributeMap(key), true, ctx)).item;
  return new AppError(
    'CONFLICT',
    current
      ? `The item changed in ${table} since it was loaded; nothing was written.`
      : `The item is no longer in ${table} (or already exists); nothing was written.`,
    { awsCode: 'ConditionalCheckFailedException', current: current ?? null },
  );
}

/** Writes an item only if it is still as loaded (`expected`; null for a new item). */
export async function putItem(
  conn: DynamoConnection,
  req: { table: string; item: DynamoItem; expected: DynamoItem | null; keyNames: string[] },
  ctx: CallContext,
): Promise<{ item: DynamoItem; consumed: ConsumedCapacity }> {
  const key = keyOf(req.expected ?? req.item, req.keyNames);
  try {
    const out = await withRetry('PutItem', req.table, ctx, (abortSignal) =>
      conn.ddb.send(
        new PutItemCommand({
          TableName: req.table,
          Item: toAttributeMap(req.item),
          ...unchangedSince(req.expected, req.keyNames, req.item),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          ReturnConsumedCapacity: 'TOTAL',
        }),
        { abortSignal },
      ),
    );
    return { item: req.item, consumed: toConsumed(out.ConsumedCapacity, 'write') };
  } catch (err) {
    if (awsCodeOf(err) === 'ConditionalCheckFailedException')
      throw await conflict(conn, req.table, key, err, ctx);
    throw toDynamoError(err, `Writing an item to ${req.table}`);
  }
}

/** Deletes an item; with `expected`, only if it is still as loaded. */
export async function deleteItem(
  conn: DynamoConnection,
  req: { table: string; key: DynamoItem; expected?: DynamoItem },
  ctx: CallContext,
): Promise<{ consumed: ConsumedCapacity }> {
  const key = toAttributeMap(req.key);
  try {
    const out = await withRetry('DeleteItem', req.table, ctx, (abortSignal) =>
      conn.ddb.send(
        new DeleteItemCommand({
          TableName: req.table,
          Key: key,
          ...(req.expected ? unchangedSince(req.expected, Object.keys(req.key)) : {}),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          ReturnConsumedCapacity: 'TOTAL',
        }),
        { abortSignal },
      ),
    );
    return { consumed: toConsumed(out.ConsumedCapacity, 'write') };
  } catch (err) {
    if (awsCodeOf(err) === 'ConditionalCheckFailedException')
      throw await conflict(conn, req.table, key, err, ctx);
    throw toDynamoError(err, `Deleting an item of ${req.table}`);
  }
}

function transactItem(change: StagedChange): TransactWriteItem {
  if (change.kind === 'put') {
    return {
      Put: {
        TableName: change.table,
        Item: toAttributeMap(change.item),
        ...unchangedSince(change.expected, change.keyNames, change.item),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }
  return {
    Delete: {
      TableName: change.table,
      Key: toAttributeMap(change.key),
      ...(change.expected ? unchangedSince(change.expected, Object.keys(change.key)) : {}),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/**
 * Commits staged changes as one TransactWriteItems. When cancelled, CONFLICT with `details.reasons`:
 * one entry per change that failed, with its index, code and the current item for condition failures.
 */
export async function transactWrite(
  conn: DynamoConnection,
  changes: StagedChange[],
  ctx: CallContext,
): Promise<{ committed: number; consumed: ConsumedCapacity }> {
  if (!conn.endpoint.transactions) throw unsupported('Transactions', conn.endpoint.backend);
  try {
    const out = await withRetry('TransactWriteItems', undefined, ctx, (abortSignal) =>
      conn.ddb.send(
        new TransactWriteItemsCommand({
          TransactItems: changes.map(transactItem),
          ReturnConsumedCapacity: 'TOTAL',
        }),
        { abortSignal },
      ),
    );
    return { committed: changes.length, consumed: toConsumed(out.ConsumedCapacity, 'write') };
  } catch (err) {
    if (err instanceof TransactionCanceledException || awsCodeOf(err) === 'TransactionCanceledException') {
      const raw = (err as TransactionCanceledException).CancellationReasons ?? [];
      const reasons: TransactReason[] = raw.flatMap((r, index) =>
        !r.Code || r.Code === 'None'
          ? []
          : [
              {
                index,
                code: r.Code,
                ...(r.Message ? { message: r.Message } : {}),
                ...(r.Item ? { current: fromAttributeMap(r.Item) } : {}),
              },
            ],
      );
      const list = reasons.map((r) => `change ${r.index + 1}: ${r.code}`).join(', ');
      throw new AppError('CONFLICT', `The transaction was cancelled, nothing was written (${list}).`, {
        awsCode: 'TransactionCanceledException',
        reasons,
      });
    }
    throw toDynamoError(err, 'Committing the staged changes');
  }
}
