import { Alert, Badge, Button, Center, Group, Loader, ScrollArea, Text } from '@mantine/core';
import { useState } from 'react';
import type { SavedQuery } from '@shared/models/sql-history';
import { useDeleteSavedQuery, useSavedQueries } from '@renderer/api/use-sql-history';
import { ConfirmDialog } from '@renderer/components/confirm-dialog';
import { TrashIcon } from '@renderer/components/icons';
import { ToolbarIconButton } from '@renderer/components/toolbar-icon-button';
import { ItemActions, type ItemActionProps } from './item-actions';
import { BookmarkIcon } from './sql-icons';
import type { SidePanelActions } from './side-panel-actions';
import classes from './sql-side-panel.module.css';

interface SavedListProps extends SidePanelActions {
  profileId: string;
  search: string;
}

function matches(query: SavedQuery, needle: string): boolean {
  const n = needle.toLowerCase();
  return query.name.toLowerCase().includes(n) || query.sql.toLowerCase().includes(n);
}

function SavedItem({
  query,
  onDelete,
  ...actions
}: { query: SavedQuery; onDelete: () => void } & ItemActionProps) {
  return (
    <div className={classes.item} data-testid="saved-item">
      <Group gap={6} wrap="nowrap" mb={2} pr={84}>
        <Text size="sm" fw={600} truncate data-testid="saved-name">
          {query.name}
        </Text>
        {query.profileId === null && (
          <Badge size="xs" variant="light" color="gray" tt="none">
            all connections
          </Badge>
        )}
      </Group>
      <pre className={classes.sql} title={query.sql.slice(0, 2000)}>
        {query.sql}
      </pre>
      <ItemActions
        sql={query.sql}
        {...actions}
        extra={
          <ToolbarIconButton
            tooltip="Delete"
            openDelay={300}
            color="red"
            onClick={onDelete}
            data-testid="saved-delete"
            icon={<TrashIcon size={13} />}
          />
        }
      />
    </div>
  );
}

/** Saved queries: this connection's and the global ones, filtered here (there are few). */
export function SavedList({ profileId, search, onSaveCurrent, ...actions }: SavedListProps) {
  const saved = useSavedQueries(profileId, true);
  const remove = useDeleteSavedQuery();
  const [deleting, setDeleting] = useState<SavedQuery | null>(null);
  const queries = (saved.data?.queries ?? []).filter((q) => !search || matches(q, search));

  let body: React.ReactNode;
  if (saved.isPending) {
    body = (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (saved.isError) {
    body = (
      <Alert color="red" variant="light" m="sm" title="Could not read the saved queries">
        {saved.error.message}
      </Alert>
    );
  } else if (queries.length === 0) {
    body = (
      <Text size="sm" c="dimmed" ta="center" py="xl" px="md" data-testid="saved-empty">
        {search ? `No saved query matches “${search}”.` : 'Save a query you run often to find it here.'}
      </Text>
    );
  } else {
    body = queries.map((q) => (
      <SavedItem key={q.id} query={q} onDelete={() => setDeleting(q)} {...actions} />
    ));
  }

  return (
    <>
      {saved.data?.warning && (
        <Alert color="orange" variant="light" m="sm">
          {saved.data.warning}
        </Alert>
      )}
      <ScrollArea className={classes.list} type="auto" data-testid="saved-list">
        {body}
      </ScrollArea>
      <div className={classes.footer}>
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<BookmarkIcon size={12} />}
          onClick={onSaveCurrent}
          data-testid="save-current-query"
        >
          Save current query
        </Button>
      </div>
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete the saved query?"
        confirmLabel="Delete"
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })}
      >
        “{deleting?.name}” is removed{deleting?.profileId === null ? ' for every connection' : ''}.
      </ConfirmDialog>
    </>
  );
}
