import { ActionIcon, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { PlayIcon } from '@renderer/components/icons';
import { InsertIcon } from './sql-icons';
import type { SidePanelActions } from './side-panel-actions';
import classes from './sql-side-panel.module.css';

export type ItemActionProps = Omit<SidePanelActions, 'onSaveCurrent'>;

/** Insert and Run for a history entry or saved query, shown on hover or keyboard focus. */
export function ItemActions({
  sql,
  onInsert,
  onRun,
  canRun,
  extra,
}: { sql: string; extra?: ReactNode } & ItemActionProps) {
  return (
    <div className={classes.actions}>
      <Tooltip label="Insert into the editor" openDelay={300}>
        <ActionIcon
          size="sm"
          variant="subtle"
          color="gray"
          onClick={() => onInsert(sql)}
          aria-label="Insert into the editor"
          data-testid="item-insert"
        >
          <InsertIcon size={14} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={canRun ? 'Run' : 'Connect to run'} openDelay={300}>
        <ActionIcon
          size="sm"
          variant="subtle"
          color="blue"
          disabled={!canRun}
          onClick={() => onRun(sql)}
          aria-label="Run"
          data-testid="item-run"
        >
          <PlayIcon size={12} />
        </ActionIcon>
      </Tooltip>
      {extra}
    </div>
  );
}
