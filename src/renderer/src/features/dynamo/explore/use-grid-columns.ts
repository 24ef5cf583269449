import { useMemo, useState } from 'react';
import type { DynamoItem } from '@shared/models/dynamo';
import { columnWidths } from './column-widths';
import { unionColumns } from './item-columns';

const SAMPLE = 50;

/** Remembers how many items were looked at, so each render only looks at the new ones. */
class ColumnCache {
  private counted = 0;
  private generation = -1;
  private columns: string[] = [];

  extend(
    keyNames: readonly string[],
    items: readonly DynamoItem[],
    count: number,
    generation: number,
  ): string[] {
    const fresh = generation !== this.generation || count < this.counted;
    const prev = fresh ? [] : this.columns;
    const next = unionColumns(keyNames, items.slice(fresh ? 0 : this.counted, count), prev);
    const same = next.length === this.columns.length && next.every((c, i) => c === this.columns[i]);
    this.counted = count;
    this.generation = generation;
    if (!same) this.columns = next;
    return this.columns;
  }
}

/**
 * The grid's columns, extended as items arrive: only items added since the last render are looked
 * at, so a long fetch-all stays cheap. A new `generation` (a new result) starts over.
 */
export function useGridColumns(
  keyNames: readonly string[],
  items: readonly DynamoItem[],
  count: number,
  version: number,
  generation: number,
) {
  // Kept across renders without causing one (not state that is ever set).
  const [cache] = useState(() => new ColumnCache());
  const columns = useMemo(
    () => cache.extend(keyNames, items, count, generation),
    // `version` marks in-place growth of `items`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cache, keyNames, count, version, generation],
  );
  const widths = useMemo(
    () => columnWidths(columns, items.slice(0, SAMPLE), keyNames),
    [columns, items, keyNames],
  );
  return { columns, widths };
}
