import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { AlertIcon, LockIcon } from '@renderer/components/icons';
import { openExplain } from '@renderer/features/explain/explain-store';
import { ExportDialog } from '@renderer/features/export/export-dialog';
import { ImportDialog } from '@renderer/features/import/import-dialog';
import type { TableTabInfo } from '@renderer/stores/workspace-tabs-store';
import { EditGrid } from './edit-grid';
import {
  addInsert,
  countEdits,
  editCell,
  editInsert,
  NO_EDITS,
  removeInsert,
  rowKey,
  rowValues,
  toggleDelete,
  toRowEdits,
  type PendingEdits,
} from './pending-edits';
import { ReviewDialog } from './review-dialog';
import { TableEditorToolbar } from './table-editor-toolbar';
import { PAGE_ROWS, useTableData } from './use-table-data';
import frame from '@renderer/components/workspace-tab.module.css';

type Dialog = 'review' | 'export' | 'import' | null;

/** A table's rows, edited in place: changes stay pending (highlighted) until reviewed and applied. */
export function TableEditorTab({ tab }: { tab: TableTabInfo }) {
  const target = { profileId: tab.profileId, database: tab.database, table: tab.table };
  const [offset, setOffset] = useState(0);
  const { info, page, loading, fetching, error, refetch } = useTableData(target, offset);
  const [pending, setPending] = useState<PendingEdits>(NO_EDITS);
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const count = countEdits(pending);
  const readOnly = !info || info.readOnlyReason !== null;

  if (loading) {
    return (
      <Center h="100%" data-testid="table-editor-loading">
        <Loader size="sm" type="dots" />
      </Center>
    );
  }
  if (!info || !page) {
    return (
      <Center h="100%" p="xl">
        <Alert color="red" icon={<AlertIcon />} title={`Cannot open ${tab.database}.${tab.table}`} maw={520}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{error?.message ?? 'The table could not be read.'}</Text>
            <Button size="xs" variant="light" onClick={() => void refetch()}>
              Try again
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }

  const pageRows = page.rows;
  const selectedRow = pageRows.find(
    (row) => rowKey(info.primaryKey, rowValues(page.columns, row)) === selected,
  );
  const deleteSelected = (): void => {
    if (selected?.startsWith('new:')) return setPending((p) => removeInsert(p, Number(selected.slice(4))));
    if (selectedRow && selected)
      setPending((p) => toggleDelete(p, selected, rowValues(page.columns, selectedRow)));
  };
  const last = offset + pageRows.length;
  const total = info.estimatedRows !== null && !page.more ? last : info.estimatedRows;

  return (
    <div className={frame.tab} data-testid="table-editor" data-table={`${tab.database}.${tab.table}`}>
      <TableEditorToolbar
        title={`${tab.database}.${tab.table}`}
        readOnly={readOnly}
        pendingCount={count}
        canDelete={selected !== null}
        range={
          pageRows.length === 0
            ? 'No rows'
            : `Rows ${offset + 1}–${last}${total !== null ? ` of ${page.more ? '≈' : ''}${total.toLocaleString()}` : ''}`
        }
        hasPrev={offset > 0}
        hasNext={page.more}
        fetching={fetching}
        onAdd={() => {
          setPending((p) => addInsert(p));
        }}
        onDelete={deleteSelected}
        onDiscard={() => setPending(NO_EDITS)}
        onReview={() => setDialog('review')}
        onPrev={() => setOffset(Math.max(0, offset - PAGE_ROWS))}
        onNext={() => setOffset(offset + PAGE_ROWS)}
        onRefresh={() => void refetch()}
        onExport={() => setDialog('export')}
        onImport={() => setDialog('import')}
        onExplain={() =>
          openExplain({
            profileId: tab.profileId,
            database: tab.database,
            sql: `SELECT * FROM \`${tab.table}\``,
          })
        }
      />
      {info.readOnlyReason && (
        <Alert
          color="gray"
          variant="light"
          radius={0}
          icon={<LockIcon size={16} />}
          py={8}
          data-testid="table-read-only"
        >
          <Text size="sm">
            <b>Read-only.</b> {info.readOnlyReason}
          </Text>
        </Alert>
      )}
      <div style={{ flex: 1, minHeight: 0 }}>
        {pageRows.length === 0 && pending.inserts.length === 0 ? (
          <Center h="100%">
            <Text size="sm" c="dimmed">
              {offset === 0 ? 'This table has no rows yet.' : 'No more rows.'}
              {!readOnly && offset === 0 && ' Add one with “Add row”.'}
            </Text>
          </Center>
        ) : (
          <EditGrid
            info={info}
            columns={page.columns}
            rows={pageRows}
            pending={pending}
            readOnly={readOnly}
            selected={selected}
            onSelect={setSelected}
            onEditCell={(row, column, value) => {
              const original = rowValues(page.columns, row);
              setPending((p) => editCell(p, rowKey(info.primaryKey, original), original, column, value));
            }}
            onEditInsert={(id, column, value) => setPending((p) => editInsert(p, id, column, value))}
          />
        )}
      </div>
      <ReviewDialog
        opened={dialog === 'review'}
        target={target}
        edits={dialog === 'review' ? toRowEdits(pending) : []}
        onClose={() => setDialog(null)}
        onApplied={(result) => {
          setDialog(null);
          setPending(NO_EDITS);
          setSelected(null);
          void refetch();
          notifications.show({
            color: 'green',
            title: 'Changes applied',
            message: `${result.applied} ${result.applied === 1 ? 'statement' : 'statements'} committed to ${tab.table}.`,
          });
        }}
      />
      <ExportDialog
        opened={dialog === 'export'}
        onClose={() => setDialog(null)}
        source={{ kind: 'table', ...target }}
        title={`Export ${tab.database}.${tab.table}`}
      />
      <ImportDialog
        opened={dialog === 'import'}
        onClose={() => setDialog(null)}
        target={target}
        onImported={() => void refetch()}
      />
    </div>
  );
}
