import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DynamoItem, DynamoTableDetail } from '@shared/models/dynamo';
import { readRequestSchema, type ReadRequest } from '@shared/models/dynamo-schemas';
import { selectRow, selectedCount, type RowRanges } from '@renderer/components/selection';
import { useDynamoCapacity } from '../capacity/capacity-store';
import type { ItemEditorRequest } from '../item-editor-host';
import { tableSlot, usePublishCurrentRequest } from '../transfer/current-request-store';
import { useDynamoPrices } from '../use-dynamo';
import { EMPTY_FORM, toReadRequest, type BuilderForm } from './builder-form';
import { useGridColumns } from './use-grid-columns';
import { useItemReader } from './use-item-reader';
import type { ViewedValue } from './value-viewer';

/** Parallel segments for "Fetch all": enough to keep DynamoDB busy, few enough for Local. */
const FETCH_SEGMENTS = 4;

export type ReadMode = 'first' | 'next' | 'more' | 'all';

/**
 * What the explorer of one table holds and does: the builder's form and the request it makes, the
 * reads, the grid's columns and selection, the open value and the item editor. The first page is read
 * as soon as the table is active, as consoles do.
 */
export function useExploreSession(profile: string, region: string, detail: DynamoTableDetail) {
  const [form, setForm] = useState<BuilderForm>(EMPTY_FORM);
  const built = useMemo(() => toReadRequest(detail, form), [detail, form]);
  // The request behind the rows on screen (not the form's unsent edits): what "Export the current
  // result" exports.
  const [shownRequest, setShownRequest] = useState<ReadRequest | null>(null);
  usePublishCurrentRequest(tableSlot(profile, region, detail.name), shownRequest);
  const [errorField, setErrorField] = useState<string | null>(null);
  const [checkMessage, setCheckMessage] = useState<string | null>(null);
  const addCapacity = useDynamoCapacity((s) => s.add);
  const onConsumed = useCallback(
    (c: Parameters<typeof addCapacity>[1]) => addCapacity(region, c),
    [addCapacity, region],
  );
  const reader = useItemReader(profile, region, onConsumed);
  const { state, items } = reader;
  const prices = useDynamoPrices().data;
  const keyNames = useMemo(
    () => [detail.partitionKey.name, ...(detail.sortKey ? [detail.sortKey.name] : [])],
    [detail.partitionKey.name, detail.sortKey],
  );
  const { columns, widths } = useGridColumns(
    keyNames,
    items.current,
    state.count,
    state.version,
    state.generation,
  );
  const [selection, setSelection] = useState<RowRanges>([]);
  const anchor = useRef<number | null>(null);
  const [viewed, setViewed] = useState<ViewedValue | null>(null);
  const [editor, setEditor] = useState<ItemEditorRequest | null>(null);

  // A new result clears the selection (adjusting state while rendering, as React recommends).
  const [selectionGeneration, setSelectionGeneration] = useState(state.generation);
  if (selectionGeneration !== state.generation) {
    setSelectionGeneration(state.generation);
    setSelection([]);
  }

  const run = (mode: ReadMode) => {
    if (!built.ok) {
      setErrorField(built.field);
      setCheckMessage(built.message);
      return;
    }
    setErrorField(null);
    setCheckMessage(null);
    // With the schema's defaults filled in, as the main process will read it.
    setShownRequest(readRequestSchema.safeParse(built.value).data ?? null);
    if (mode === 'all') void reader.fetchAll(built.value, FETCH_SEGMENTS);
    else void reader.read(built.value, mode);
  };
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });

  const active = detail.status === 'ACTIVE';
  useEffect(() => {
    if (active && state.status === 'idle') runRef.current('first');
  }, [active, state.status]);

  const selectedItems = (): DynamoItem[] => {
    const out: DynamoItem[] = [];
    for (const [a, b] of selection)
      for (let i = a; i <= b; i++) if (items.current[i]) out.push(items.current[i] as DynamoItem);
    return out;
  };
  const openItem = (row: number) => {
    const item = items.current[row];
    if (item) setEditor({ kind: 'edit', item });
  };
  const pickRow = (row: number, mode: Parameters<typeof selectRow>[3]) => {
    setSelection((s) => selectRow(s, anchor.current, row, mode));
    if (mode !== 'range') anchor.current = row;
  };

  return {
    form,
    setForm,
    /** The form as a request, or the field it fails on. */
    built,
    errorField,
    checkMessage,
    active,
    reader,
    state,
    items,
    prices,
    keyNames,
    columns,
    widths,
    selection,
    selectedCount: selectedCount(selection),
    selectedItems,
    pickRow,
    viewed,
    setViewed,
    editor,
    setEditor,
    openItem,
    onConsumed,
    run,
  };
}

export type ExploreSession = ReturnType<typeof useExploreSession>;
