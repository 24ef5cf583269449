import type { ReactNode } from 'react';
import { PlayIcon } from '@renderer/components/icons';
import { ToolbarIconButton } from '@renderer/components/toolbar-icon-button';
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
      <ToolbarIconButton
        tooltip="Insert into the editor"
        openDelay={300}
        onClick={() => onInsert(sql)}
        data-testid="item-insert"
        icon={<InsertIcon size={14} />}
      />
      <ToolbarIconButton
        tooltip={canRun ? 'Run' : 'Connect to run'}
        openDelay={300}
        color="blue"
        disabled={!canRun}
        onClick={() => onRun(sql)}
        aria-label="Run"
        data-testid="item-run"
        icon={<PlayIcon size={12} />}
      />
      {extra}
    </div>
  );
}
