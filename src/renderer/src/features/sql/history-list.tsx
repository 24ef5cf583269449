import { Alert, Button, Center, Loader, ScrollArea, Text } from '@mantine/core';
import { useState } from 'react';
import type { HistoryEntry } from '@shared/models/sql-history';
import { useClearSqlHistory, useSqlHistory } from '@renderer/api/use-sql-history';
import { ConfirmDialog } from '@renderer/components/confirm-dialog';
import { historyMeta } from './history-format';
import { ItemActions, type ItemActionProps } from './item-actions';
import type { SidePanelActions } from './side-panel-actions';
import classes from './sql-side-panel.module.css';

interface HistoryListProps extends SidePanelActions {
  profileId: string;
  search: string;
}

function HistoryItem({ entry, ...actions }: { entry: HistoryEntry } & ItemActionProps) {
  return (
    <div className={classes.item} data-testid="history-item" data-failed={entry.error ? 'true' : undefined}>
      <pre className={classes.sql} title={entry.sql.slice(0, 2000)}>
        {entry.sql}
      </pre>
      <div className={classes.meta}>
        {historyMeta(entry)}
        {entry.error && (
          <Text size="11px" c="red" lineClamp={2} title={entry.error.message}>
            {entry.error.message}
          </Text>
        )}
      </div>
      <ItemActions sql={entry.sql} {...actions} />
    </div>
  );
}

/** This connection's runs, newest first, with the search applied in the main process. */
export function HistoryList({ profileId, search, onSaveCurrent: _save, ...actions }: HistoryListProps) {
  const history = useSqlHistory(profileId, search, true);
  const clear = useClearSqlHistory(profileId);
  const [confirming, setConfirming] = useState(false);
  const entries = history.data?.entries ?? [];

  let body: React.ReactNode;
  if (history.isPending) {
    body = (
      <Center py="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (history.isError) {
    body = (
      <Alert color="red" variant="light" m="sm" title="Could not read the history">
        {history.error.message}
      </Alert>
    );
  } else if (entries.length === 0) {
    body = (
      <Text size="sm" c="dimmed" ta="center" py="xl" px="md" data-testid="history-empty">
        {search ? `No run matches “${search}”.` : 'Statements you run on this connection are listed here.'}
      </Text>
    );
  } else {
    body = entries.map((entry) => <HistoryItem key={entry.id} entry={entry} {...actions} />);
  }

  return (
    <>
      {history.data?.warning && (
        <Alert color="orange" variant="light" m="sm" data-testid="history-warning">
          {history.data.warning}
        </Alert>
      )}
      <ScrollArea className={classes.list} type="auto" data-testid="history-list">
        {body}
      </ScrollArea>
      {entries.length > 0 && !search && (
        <div className={classes.footer}>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={() => setConfirming(true)}
            data-testid="clear-history"
          >
            Clear history
          </Button>
        </div>
      )}
      <ConfirmDialog
        opened={confirming}
        title="Clear the history?"
        confirmLabel="Clear history"
        busy={clear.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => clear.mutate(undefined, { onSettled: () => setConfirming(false) })}
      >
        Every statement run on this connection is removed from the history. Saved queries stay.
      </ConfirmDialog>
    </>
  );
}
