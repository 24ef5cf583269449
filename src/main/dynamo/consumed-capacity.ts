import type { ConsumedCapacity as SdkConsumed } from '@aws-sdk/client-dynamodb';
import type { ConsumedCapacity } from '../../shared/models/dynamo';
import { addCapacity, NO_CAPACITY } from '../../shared/models/dynamo-cost';

/**
 * The service's ConsumedCapacity (one or a list) as read and write units. With TOTAL only
 * `CapacityUnits` may come back, so the caller says whether the call read or wrote.
 */
export function toConsumed(
  raw: SdkConsumed | SdkConsumed[] | undefined,
  kind: 'read' | 'write',
): ConsumedCapacity {
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  let total = NO_CAPACITY;
  for (const entry of list) {
    const units = split(entry, kind);
    const parts: NonNullable<ConsumedCapacity['parts']> = [];
    const table = entry.TableName ?? '';
    if (entry.Table) parts.push({ table, ...split(entry.Table, kind) });
    for (const [index, cap] of Object.entries({
      ...entry.GlobalSecondaryIndexes,
      ...entry.LocalSecondaryIndexes,
    }))
      parts.push({ table, index, ...split(cap, kind) });
    total = addCapacity(total, { ...units, ...(parts.length ? { parts } : {}) });
  }
  return total;
}

function split(
  cap: { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number },
  kind: 'read' | 'write',
): { readUnits: number; writeUnits: number } {
  if (cap.ReadCapacityUnits !== undefined || cap.WriteCapacityUnits !== undefined) {
    return { readUnits: cap.ReadCapacityUnits ?? 0, writeUnits: cap.WriteCapacityUnits ?? 0 };
  }
  const units = cap.CapacityUnits ?? 0;
  return kind === 'read' ? { readUnits: units, writeUnits: 0 } : { readUnits: 0, writeUnits: units };
}
