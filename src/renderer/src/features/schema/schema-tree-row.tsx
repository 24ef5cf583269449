import { ActionIcon, Loader } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { DatabaseIcon, DotsIcon, AlertIcon } from '@renderer/components/icons';
import { KeyIcon, TableIcon } from '@renderer/components/toolbar-icons';
import { HighlightMatch } from './highlight-match';
import {
  ChevronRightIcon,
  ColumnIcon,
  FolderIcon,
  IndexIcon,
  LinkIcon,
  RoutineIcon,
  TriggerIcon,
  ViewIcon,
} from './schema-icons';
import type { TreeRow } from './schema-tree-rows';
import classes from './schema-panel.module.css';

interface SchemaTreeRowProps {
  row: TreeRow;
  filter: string;
  hasActions: boolean;
  onToggle: (row: TreeRow) => void;
  onMenu: (row: TreeRow, at: { x: number; y: number }) => void;
}

function KindIcon({ row }: { row: TreeRow }): ReactNode {
  switch (row.kind) {
    case 'database':
      return <DatabaseIcon size={14} />;
    case 'group':
      return <FolderIcon size={14} />;
    case 'table':
      return <TableIcon size={14} />;
    case 'view':
      return <ViewIcon size={14} />;
    case 'routine':
      return <RoutineIcon size={14} />;
    case 'trigger':
      return <TriggerIcon size={14} />;
    case 'index':
      return <IndexIcon size={14} />;
    case 'foreignKey':
      return <LinkIcon size={14} />;
    case 'column':
      return row.columnKey ? (
        <KeyIcon size={13} className={classes[`key${row.columnKey}`]} aria-label={`${row.columnKey} key`} />
      ) : (
        <ColumnIcon size={14} />
      );
    case 'status':
      if (row.status === 'loading') return <Loader size={10} />;
      return row.status === 'error' ? <AlertIcon size={14} /> : null;
  }
}

/** One line of the tree: indent, chevron, icon, name (filter match marked), dim details, actions. */
export function SchemaTreeRow({ row, filter, hasActions, onToggle, onMenu }: SchemaTreeRowProps) {
  const openMenu = (e: MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
    onMenu(row, { x: e.clientX, y: e.clientY });
  };
  return (
    <div
      className={classes.row}
      data-testid="schema-row"
      data-kind={row.kind}
      data-name={row.label}
      data-database={row.database}
      data-expanded={row.expandable ? String(row.expanded) : undefined}
      data-status={row.status}
      data-system={row.system ? 'true' : undefined}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={row.expandable ? row.expanded : undefined}
      title={row.title}
      style={{ paddingLeft: 6 + row.depth * 14 }}
      tabIndex={0}
      onClick={() => row.expandable && onToggle(row)}
      onContextMenu={hasActions ? openMenu : undefined}
      onKeyDown={(e) => {
        if ((e.key === 'Enter' || e.key === ' ') && row.expandable) {
          e.preventDefault();
          onToggle(row);
        } else if (hasActions && (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10'))) {
          e.preventDefault();
          const box = e.currentTarget.getBoundingClientRect();
          onMenu(row, { x: box.left + 24, y: box.bottom });
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const next = e.key === 'ArrowDown' ? 1 : -1;
          focusSibling(e.currentTarget, next);
        }
      }}
    >
      <span className={classes.chevron} data-open={row.expanded || undefined}>
        {row.expandable && <ChevronRightIcon size={12} />}
      </span>
      <span className={classes.icon} data-kind={row.kind}>
        <KindIcon row={row} />
      </span>
      <span className={classes.label} data-status={row.status}>
        {row.kind === 'status' && row.status === 'empty' ? (
          row.label
        ) : (
          <HighlightMatch text={row.label} filter={filter} className={classes.mark} />
        )}
      </span>
      {row.meta && <span className={classes.meta}>{row.meta}</span>}
      {hasActions ? (
        <ActionIcon
          className={classes.more}
          variant="subtle"
          color="gray"
          size="xs"
          aria-label={`Actions for ${row.label}`}
          data-testid="schema-row-actions"
          onClick={openMenu}
        >
          <DotsIcon size={14} />
        </ActionIcon>
      ) : (
        // Keeps every row's details right-aligned on the same edge.
        <span className={classes.noActions} />
      )}
    </div>
  );
}

/** Moves focus to the row above or below (rows sit in absolutely placed wrappers of the list). */
function focusSibling(row: HTMLElement, step: 1 | -1): void {
  const rows = [...(row.closest('[role="tree"]')?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
  rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  rows[rows.indexOf(row) + step]?.focus();
}
