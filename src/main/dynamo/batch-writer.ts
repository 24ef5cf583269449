import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  PutItemCommand,
  type AttributeValue,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { ConsumedCapacity, RejectedItem } from '../../shared/models/dynamo';
import { addCapacity, NO_CAPACITY } from '../../shared/models/dynamo-cost';
import { awsCodeOf } from '../aws/aws-errors';
import { fromAttributeMap } from './attribute-values';
import { fullJitterDelay, sleep } from './backoff';
import { toConsumed } from './consumed-capacity';
import type { DynamoConnection } from './dynamo-connector';
import { toDynamoError } from './dynamo-errors';
import { withRetry, type CallContext } from './with-retry';

export const BATCH_SIZE = 25;
const MAX_UNPROCESSED_ROUNDS = 12;

export interface BatchEntry {
  /** Where the item came from, for the report. */
  line: number;
  request: WriteRequest;
}

export interface BatchOutcome {
  written: number;
  rejected: RejectedItem[];
  consumed: ConsumedCapacity;
}

const keyText = (attrs: Record<string, AttributeValue>, keyNames: readonly string[]): string =>
  JSON.stringify(keyNames.map((name) => attrs[name] ?? null));

function attrsOf(request: WriteRequest): Record<string, AttributeValue> {
  return request.PutRequest?.Item ?? request.DeleteRequest?.Key ?? {};
}

/**
 * One BatchWriteItem of up to 25 puts or deletes. UnprocessedItems are sent again with exponential
 * backoff and full jitter; a batch the service refuses as a whole is retried item by item, so the
 * report names each refused item with the service's reason.
 */
export async function writeBatch(
  conn: DynamoConnection,
  table: string,
  keyNames: readonly string[],
  entries: BatchEntry[],
  ctx: CallContext,
): Promise<BatchOutcome> {
  let pending = entries;
  let consumed = NO_CAPACITY;
  for (let round = 1; pending.length > 0; round++) {
    let out;
    try {
      out = await withRetry('BatchWriteItem', table, ctx, (abortSignal) =>
        conn.ddb.send(
          new BatchWriteItemCommand({
            RequestItems: { [table]: pending.map((e) => e.request) },
            ReturnConsumedCapacity: 'TOTAL',
          }),
          { abortSignal },
        ),
      );
    } catch (err) {
      if (awsCodeOf(err) !== 'ValidationException' || ctx.signal?.aborted)
        throw toDynamoError(err, `Writing to ${table}`);
      const single = await oneByOne(conn, table, pending, ctx);
      return {
        written: entries.length - pending.length + single.written,
        rejected: single.rejected,
        consumed: addCapacity(consumed, single.consumed),
      };
    }
    consumed = addCapacity(consumed, toConsumed(out.ConsumedCapacity, 'write'));
    const left = out.UnprocessedItems?.[table] ?? [];
    if (left.length === 0) break;
    const unprocessed = new Set(left.map((r) => keyText(attrsOf(r), keyNames)));
    pending = pending.filter((e) => unprocessed.has(keyText(attrsOf(e.request), keyNames)));
    if (round >= MAX_UNPROCESSED_ROUNDS) {
      const reason = `Not written after ${round} attempts: the table kept returning it unprocessed (throttled)`;
      return {
        written: entries.length - pending.length,
        rejected: pending.map((e) => rejectedOf(e, reason)),
        consumed,
      };
    }
    const delayMs = fullJitterDelay(round, 50, 5_000, ctx.random);
    if (ctx.retries) ctx.retries.count++;
    ctx.onThrottle?.({
      operation: 'BatchWriteItem',
      table,
      ...(ctx.jobId ? { jobId: ctx.jobId } : {}),
      attempt: round,
      delayMs,
      awsCode: 'UnprocessedItems',
    });
    await sleep(delayMs, ctx.signal);
  }
  return { written: entries.length, rejected: [], consumed };
}

async function oneByOne(
  conn: DynamoConnection,
  table: string,
  entries: BatchEntry[],
  ctx: CallContext,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { written: 0, rejected: [], consumed: NO_CAPACITY };
  for (const entry of entries) {
    const { PutRequest: put, DeleteRequest: del } = entry.request;
    try {
      const out = await withRetry(put ? 'PutItem' : 'DeleteItem', table, ctx, (abortSignal) =>
        put
          ? conn.ddb.send(
              new PutItemCommand({ TableName: table, Item: put.Item, ReturnConsumedCapacity: 'TOTAL' }),
              {
                abortSignal,
              },
            )
          : conn.ddb.send(
              new DeleteItemCommand({ TableName: table, Key: del?.Key, ReturnConsumedCapacity: 'TOTAL' }),
              { abortSignal },
            ),
      );
      outcome.written++;
      outcome.consumed = addCapacity(outcome.consumed, toConsumed(out.ConsumedCapacity, 'write'));
    } catch (err) {
      if (ctx.signal?.aborted) throw err;
      outcome.rejected.push(rejectedOf(entry, err instanceof Error ? err.message : String(err)));
    }
  }
  return outcome;
}

function rejectedOf(entry: BatchEntry, reason: string): RejectedItem {
  return { line: entry.line, reason, item: fromAttributeMap(attrsOf(entry.request)) };
}
