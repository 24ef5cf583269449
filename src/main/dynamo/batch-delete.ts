import type { ConsumedCapacity, DynamoItem, RejectedItem } from '../../shared/models/dynamo';
import { addCapacity, NO_CAPACITY } from '../../shared/models/dynamo-cost';
import { toAttributeMap } from './attribute-values';
import { BATCH_SIZE, writeBatch } from './batch-writer';
import type { DynamoConnection } from './dynamo-connector';
import type { CallContext } from './with-retry';

/** Unconditional deletes of several items (the grid's multi-select), 25 a BatchWriteItem. */
export async function deleteItems(
  conn: DynamoConnection,
  table: string,
  keys: DynamoItem[],
  ctx: CallContext,
): Promise<{ deleted: number; failed: RejectedItem[]; consumed: ConsumedCapacity }> {
  const keyNames = Object.keys(keys[0] ?? {});
  let deleted = 0;
  let consumed: ConsumedCapacity = NO_CAPACITY;
  const failed: RejectedItem[] = [];
  for (let i = 0; i < keys.length; i += BATCH_SIZE) {
    const entries = keys.slice(i, i + BATCH_SIZE).map((key, j) => ({
      line: i + j + 1,
      request: { DeleteRequest: { Key: toAttributeMap(key) } },
    }));
    const outcome = await writeBatch(conn, table, keyNames, entries, ctx);
    deleted += outcome.written;
    failed.push(...outcome.rejected);
    consumed = addCapacity(consumed, outcome.consumed);
  }
  return { deleted, failed, consumed };
}
