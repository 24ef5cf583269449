import { Button, Center, Group, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import type { DynamoEndpointInfo, DynamoTableDetail } from '@shared/models/dynamo';
import { EditIcon, PlusIcon, TrashIcon } from '@renderer/components/icons';
import { TableIcon } from '@renderer/components/toolbar-icons';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { CenteredEmptyState } from '@renderer/components/empty-state';
import { itemKey } from '../item-editor-host';
import { ItemEditorSlot } from '../item-editor-slot';
import { StagingPanel } from '../items/staging-panel';
import type { BuilderForm } from './builder-form';
import { ExpressionPanel } from './expression-panel';
import { ItemGrid } from './item-grid';
import { QueryBuilder } from './query-builder';
import { ReadStatus } from './read-status';
import { useExploreSession } from './use-explore-session';
import { ValueViewer } from './value-viewer';
import classes from './explore.module.css';

interface ExplorePanelProps {
  profile: string;
  region: string;
  detail: DynamoTableDetail;
  endpoint: DynamoEndpointInfo | undefined;
}

/** The table's items: the scan/query builder, its expression, the results grid and the item editor. */
export function ExplorePanel({ profile, region, detail, endpoint }: ExplorePanelProps) {
  const session = useExploreSession(profile, region, detail);
  const { form, state, items, selection, editor, setEditor, run, onConsumed } = session;
  const count = session.selectedCount;
  const [exprOpen, setExprOpen] = useState(false);

  function body() {
    if (!session.active)
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
        <CenteredEmptyState
          data-testid="dynamo-no-items"
          icon={<TableIcon size={26} />}
          maw={440}
          title="No items"
          description={emptyHint(form, state.cursor !== undefined, state.last?.scannedCount ?? 0)}
        />
      );
    return (
      <ItemGrid
        columns={session.columns}
        keyNames={session.keyNames}
        items={items.current}
        count={state.count}
        version={state.version}
        widths={session.widths}
        selection={selection}
        onSelectRow={session.pickRow}
        onOpenValue={(row, column, value) => session.setViewed({ row, column, value })}
        onOpenItem={session.openItem}
      />
    );
  }

  return (
    <div className={classes.panel} data-testid="dynamo-explore">
      <QueryBuilder
        detail={detail}
        form={form}
        onChange={session.setForm}
        errorField={session.errorField}
        running={state.status === 'loading'}
        onRun={() => run('first')}
      />
      <ExpressionPanel
        region={region}
        request={session.built.ok ? session.built.value : null}
        open={exprOpen}
        onToggle={() => setExprOpen((o) => !o)}
      />
      <div className={classes.statusBar}>
        <ReadStatus
          state={state}
          region={region}
          prices={session.prices}
          onNext={() => run('next')}
          onMore={() => run('more')}
          onFetchAll={() => run('all')}
          onCancel={session.reader.cancel}
        />
      </div>
      {(session.checkMessage || state.error) && (
        <div style={{ padding: '6px 8px 0' }} data-testid="dynamo-read-error">
          {session.checkMessage ? (
            <Text size="xs" c="red">
              {session.checkMessage}
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
          onClick={() => session.openItem(selection[0]?.[0] ?? -1)}
          data-testid="dynamo-edit-item"
        >
          Edit
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          disabled={count !== 1}
          onClick={() => setEditor({ kind: 'new', template: session.selectedItems()[0] ?? {} })}
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
          onClick={() =>
            setEditor({ kind: 'delete', keys: session.selectedItems().map((i) => itemKey(detail, i)) })
          }
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
      <ValueViewer viewed={session.viewed} onClose={() => session.setViewed(null)} />
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
