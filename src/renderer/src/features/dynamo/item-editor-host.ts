import type { ConsumedCapacity, DynamoItem, DynamoTableDetail } from '@shared/models/dynamo';

/**
 * The meeting point between the explorer (grid, selection) and the item editor in `./items/`.
 * The explorer renders `items/item-editor.tsx`'s `ItemEditor` as a drawer beside the grid (lazily,
 * see item-editor-slot.tsx), with these props.
 */
export interface ItemEditorTarget {
  profile: string;
  region: string;
  table: DynamoTableDetail;
}

export type ItemEditorRequest =
  /** Edit a loaded item (the write is conditioned on it). */
  | { kind: 'edit'; item: DynamoItem }
  /** A new item; `template` pre-fills it (duplicate). */
  | { kind: 'new'; template?: DynamoItem }
  /** Delete the selected items (their keys). */
  | { kind: 'delete'; keys: DynamoItem[] };

export interface ItemEditorProps extends ItemEditorTarget {
  request: ItemEditorRequest;
  /** Endpoint flags, so transactions show as unsupported on dynalite. */
  transactions: boolean;
  onClose: () => void;
  /**
   * After a write: the explorer re-reads its page and adds `consumed` to the tab's running total.
   * `written` are items as stored now (put), `deleted` the keys removed.
   */
  onDone: (result: { consumed: ConsumedCapacity; written?: DynamoItem[]; deleted?: DynamoItem[] }) => void;
  /** Any call's consumed capacity that should count in the tab's total (e.g. a failed conditional write). */
  onConsumed?: (consumed: ConsumedCapacity) => void;
}

/** The key attributes of an item, by the table's key schema. */
export function itemKey(
  table: Pick<DynamoTableDetail, 'partitionKey' | 'sortKey'>,
  item: DynamoItem,
): DynamoItem {
  const key: DynamoItem = {};
  for (const el of [table.partitionKey, table.sortKey]) {
    const value = el && item[el.name];
    if (el && value) key[el.name] = value;
  }
  return key;
}
