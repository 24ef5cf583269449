import { Button, Center, EmptyState, Group, Loader, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DynamoEndpointInfo, DynamoItem, DynamoTableDetail } from '@shared/models/dynamo';
import { readRequestSchema, type ReadRequest } from '@shared/models/dynamo-schemas';
import { EditIcon, PlusIcon, TrashIcon } from '@renderer/components/icons';
import { TableIcon } from '@renderer/components/toolbar-icons';
import { AwsErrorAlert } from '@renderer/features/aws/aws-error-alert';
import { selectRow, selectedCount, type RowRanges } from '@renderer/features/results/selection';
import { useDynamoCapacity } from '../capacity/capacity-store';
import { itemKey, type ItemEditorRequest } from '../item-editor-host';
import { ItemEditorSlot } from '../item-editor-slot';
import { StagingPanel } from '../items/staging-panel';
import { useDynamoPrices } from '../use-dynamo';
import { EMPTY_FORM, toReadRequest, type BuilderForm } from './builder-form';
import { tableSlot, usePublishCurrentRequest } from '../transfer/current-request-store';
import { ExpressionPanel } from './expression-panel';
import { ItemGrid } from './item-grid';
import { QueryBuilder } from './query-builder';
import { ReadStatus } from './read-status';
import { useGridColumns } from './use-grid-columns';
import { useItemReader } from './use-item-reader';
import { ValueViewer, type ViewedValue } from './value-viewer';
import classes from './explore.module.css';

interface ExplorePanelProps {
  profile: string;
  region: string;
  detail: DynamoTableDetail;
  endpoint: DynamoEndpointInfo | undefined;
}

/** Parallel segments for "Fetch all" on a scan: enough to keep DynamoDB busy, few enough for Local. */
const FETCH_SEGMENTS = 4;

/** The table's items: the scan/query builder, its expression, the results grid and the item editor. */
export function ExplorePanel({ profile, region, detail, endpoint }: ExplorePanelProps) {
  const [form, setForm] = useState<BuilderForm>(EMPTY_FORM);
  const built = useMemo(() => toReadRequest(detail, form), [detail, form]);
  // The request behind the rows on screen (not the form's unsent edits): what "Export the current
  // result" exports.
  const [shownRequest, setShownRequest] = useState<ReadRequest | null>(null);
  usePublishCurrentRequest(tableSlot(profile, region, detail.name), shownRequest);
  const [errorField, setErrorField] = useState<string | null>(null);
  const [checkMessage, setCheckMessage] = useState<string | null>(null);
  const [exprOpen, setExprOpen] = useState(false);
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

  const run = (mode: 'first' | 'next' | 'more' | 'all') => {
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

  // The first page as soon as the table can be read, as consoles do.
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
  const count = selectedCount(selection);
  const openItem = (row: number) => {
    const item = items.current[row];
    if (item) setEditor({ kind: 'edit', item });
  };

  function body() {
    if (!active)
      return (
        <Center h="100%">
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              The table is {detail.status.toLowerCase()}; items can be read once it is active.
            </Text>
          </Group>
        </Center>
      );
    if (state.count === 0 && (state.status === 'loading' || state.status === 'idle'))
      return (
        <Center h="100%" data-testid="dynamo-items-loading">
          <Loader size="sm" />
        </Center>
      );
    if (state.count === 0 && state.status !== 'error' && state.status !== 'fetching')
      return (
        <Center h="100%" p="xl">
          <EmptyState
            data-testid="dynamo-no-items"
            icon={<TableIcon size={26} />}
            withIndicatorBackground
            size="sm"
            maw={440}
            title="No items"
            description={emptyHint(form, state.cursor !== undefined, state.last?.scannedCount ?? 0)}
          />
        </Center>
      );
    return (
      <ItemGrid
        columns={columns}
        keyNames={keyNames}
        items={items.current}
        count={state.count}
        version={state.version}
        widths={widths}
        selection={selection}
        onSelectRow={(row, mode) => {
          setSelection((s) => selectRow(s, anchor.current, row, mode));
          if (mode !== 'range') anchor.current = row;
        }}
        onOpenValue={(row, column, value) => setViewed({ row, column, value })}
        onOpenItem={openItem}
      />
    );
  }

  return (
    <div className={classes.panel} data-testid="dynamo-explore">
      <QueryBuilder
        detail={detail}
        form={form}
        onChange={setForm}
        errorField={errorField}
        running={state.status === 'loading'}
        onRun={() => run('first')}
      />
      <ExpressionPanel
        region={region}
        request={built.ok ? built.value : null}
        open={exprOpen}
        onToggle={() => setExprOpen((o) => !o)}
      />
      <div className={classes.statusBar}>
        <ReadStatus
          state={state}
          region={region}
          prices={prices}
          onNext={() => run('next')}
          onMore={() => run('more')}
          onFetchAll={() => run('all')}
          onCancel={reader.cancel}
        />
      </div>
      {(checkMessage || state.error) && (
        <div style={{ padding: '6px 8px 0' }} data-testid="dynamo-read-error">
          {checkMessage ? (
            <Text size="xs" c="red">
              {checkMessage}
            </Text>
          ) : (
            state.error && <AwsErrorAlert error={state.error} compact title="The read failed" />
          )}
        </div>
      )}
      <Group gap={4} px="sm" py={4} wrap="nowrap" data-testid="dynamo-item-actions">
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<PlusIcon size={12} />}
          onClick={() => setEditor({ kind: 'new' })}
          data-testid="dynamo-new-item"
        >
          New item
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<EditIcon size={12} />}
          disabled={count !== 1}
          onClick={() => openItem(selection[0]?.[0] ?? -1)}
          data-testid="dynamo-edit-item"
        >
          Edit
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          disabled={count !== 1}
          onClick={() => setEditor({ kind: 'new', template: selectedItems()[0] ?? {} })}
          data-testid="dynamo-duplicate-item"
        >
          Duplicate
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          leftSection={<TrashIcon size={12} />}
          disabled={count === 0}
          onClick={() => setEditor({ kind: 'delete', keys: selectedItems().map((i) => itemKey(detail, i)) })}
          data-testid="dynamo-delete-items"
        >
          Delete{count > 1 ? ` ${count}` : ''}
        </Button>
        {count > 0 && (
          <Text size="xs" c="dimmed">
            {count} selected
          </Text>
        )}
      </Group>
      <div className={classes.gridArea}>
        <div className={classes.grid}>{body()}</div>
        {editor && (
          <div className={classes.drawer} data-testid="dynamo-item-drawer">
            <ItemEditorSlot
              profile={profile}
              region={region}
              table={detail}
              request={editor}
              transactions={endpoint?.transactions ?? true}
              onClose={() => setEditor(null)}
              onConsumed={onConsumed}
              onDone={({ consumed }) => {
                onConsumed(consumed);
                setEditor(null);
                run('first');
              }}
            />
          </div>
        )}
      </div>
      <StagingPanel
        profile={profile}
        region={region}
        transactions={endpoint?.transactions ?? true}
        onCommitted={(consumed) => {
          onConsumed(consumed);
          run('first');
        }}
      />
      <ValueViewer viewed={viewed} onClose={() => setViewed(null)} />
    </div>
  );
}

function emptyHint(form: BuilderForm, morePages: boolean, scanned: number): string {
  if (morePages)
    return `None of the ${scanned} items read on this page matched. DynamoDB filters after reading, so later pages may match: try Next page or Fetch all.`;
  if (form.mode === 'query') return 'No item has this key. Check the value and its type, or scan the table.';
  if (form.filters.length) return 'No item matched the filters.';
  return 'The table is empty. Add one with “New item”.';
}
