import { Menu } from '@mantine/core';
import type { TreeRow } from './schema-tree-rows';

export type RowAction = 'select' | 'edit' | 'ddl' | 'copy' | 'drop';

/** What a row offers: tables and views the most, columns and databases just their name. */
export function rowActions(row: TreeRow): RowAction[] {
  switch (row.kind) {
    case 'table':
      return ['select', 'edit', 'ddl', 'copy', 'drop'];
    case 'view':
      return ['select', 'ddl', 'copy', 'drop'];
    case 'routine':
    case 'trigger':
      return ['ddl', 'copy'];
    case 'database':
    case 'column':
    case 'index':
    case 'foreignKey':
      return ['copy'];
    default:
      return [];
  }
}

const LABELS: Record<RowAction, string> = {
  select: 'Select first 1000 rows',
  edit: 'Edit rows',
  ddl: 'Show DDL',
  copy: 'Copy name',
  drop: 'Drop…',
};

interface SchemaRowMenuProps {
  open: { row: TreeRow; x: number; y: number } | null;
  onAction: (row: TreeRow, action: RowAction) => void;
  onClose: () => void;
}

/** One menu for the whole tree, opened where the user right-clicked (or on the row's ⋯ button). */
export function SchemaRowMenu({ open, onAction, onClose }: SchemaRowMenuProps) {
  return (
    <Menu
      opened={open !== null}
      onChange={(o) => !o && onClose()}
      position="bottom-start"
      offset={2}
      withinPortal
      shadow="md"
    >
      <Menu.Target>
        <div style={{ position: 'fixed', left: open?.x ?? 0, top: open?.y ?? 0, width: 1, height: 1 }} />
      </Menu.Target>
      <Menu.Dropdown data-testid="schema-menu">
        {open && <Menu.Label>{open.row.label}</Menu.Label>}
        {open &&
          rowActions(open.row).map((action) => (
            <Menu.Item
              key={action}
              color={action === 'drop' ? 'red' : undefined}
              data-testid={`schema-action-${action}`}
              onClick={() => onAction(open.row, action)}
            >
              {action === 'drop' ? `Drop ${open.row.kind}…` : LABELS[action]}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}
