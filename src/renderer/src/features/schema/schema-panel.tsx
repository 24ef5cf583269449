import { Button, Center, CloseButton, Loader, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { qualifiedName } from '@shared/sql/quote-identifier';
import { RefreshIcon, SearchIcon } from '@renderer/components/toolbar-icons';
import { ToolbarIconButton } from '@renderer/components/toolbar-icon-button';
import { DdlModal } from './ddl-modal';
import { DropDialog, type DropTarget } from './drop-dialog';
import { SchemaRowMenu, rowActions, type RowAction } from './schema-row-menu';
import { SchemaTreeRow } from './schema-tree-row';
import { keys, treeRows, type TreeRow } from './schema-tree-rows';
import { useCompletionScope } from './use-completion-scope';
import type { DdlTarget } from './use-schema';
import { useSchemaTree } from './use-schema-tree';
import classes from './schema-panel.module.css';
import { openTableEditor } from '@renderer/features/table-editor/open-table-editor';

export interface SchemaPanelProps {
  /** The SQL tab the panel sits in (completion in its editor reads this profile's schema). */
  tabId: string;
  profileId: string;
  /** The tab's open session; null while connecting or disconnected (then DROP waits). */
  sessionId: string | null;
  /** The session's current database, for completion of unqualified names. */
  database: string | null;
  /** Puts SQL in the tab's editor and runs it ("Select first 1000 rows"). */
  onRunSql: (sql: string) => void;
}

const ROW_HEIGHT = 24;

/** The schema tree: databases → tables, views, routines, triggers → columns, indexes, keys. */
export function SchemaPanel({ tabId, profileId, sessionId, database, onRunSql }: SchemaPanelProps) {
  useCompletionScope(tabId, profileId, database);
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [menu, setMenu] = useState<{ row: TreeRow; x: number; y: number } | null>(null);
  const [ddl, setDdl] = useState<DdlTarget | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  const tree = useSchemaTree(profileId, expanded);
  const rows = treeRows({
    databases: tree.databases,
    objects: tree.objects,
    table: tree.table,
    expanded,
    filter,
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const toggle = (row: TreeRow) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (row.expanded) next.delete(row.key);
      else {
        next.add(row.key);
        // Opening a database shows its tables at once: the group most people want.
        if (row.kind === 'database') next.add(keys.group(row.database, 'tables'));
      }
      return next;
    });
  };

  const act = (row: TreeRow, action: RowAction) => {
    setMenu(null);
    if (action === 'select' && row.name) {
      onRunSql(`SELECT * FROM ${qualifiedName(row.database, row.name)} LIMIT 1000;`);
    } else if (action === 'edit' && row.name) {
      openTableEditor(profileId, row.database, row.name);
    } else if (action === 'ddl' && row.name && row.ddlKind) {
      setDdl({ database: row.database, name: row.name, kind: row.ddlKind });
    } else if (action === 'copy') {
      void navigator.clipboard.writeText(row.label).then(
        () => notifications.show({ message: `Copied “${row.label}”`, autoClose: 1500 }),
        () => notifications.show({ message: 'The clipboard is not available here', color: 'red' }),
      );
    } else if (action === 'drop' && row.name && (row.kind === 'table' || row.kind === 'view')) {
      setDrop({ database: row.database, name: row.name, kind: row.kind });
    }
  };

  return (
    <div
      className={classes.panel}
      data-testid="schema-panel"
      data-ready={tree.status === 'success' ? 'true' : 'false'}
    >
      <div className={classes.header}>
        <span className={classes.title}>Schema</span>
        <ToolbarIconButton
          tooltip="Reload the schema from the server"
          aria-label="Refresh schema"
          data-testid="schema-refresh"
          loading={tree.refreshing}
          onClick={() => void tree.refresh()}
          icon={<RefreshIcon size={14} />}
        />
      </div>
      <div className={classes.filter}>
        <TextInput
          size="xs"
          placeholder="Filter tables and columns"
          leftSection={<SearchIcon size={13} />}
          rightSection={
            filter ? <CloseButton size="xs" aria-label="Clear filter" onClick={() => setFilter('')} /> : null
          }
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          data-testid="schema-filter"
          spellCheck={false}
        />
      </div>
      {tree.status === 'pending' && (
        <Center py="lg">
          <Loader size="sm" type="dots" />
        </Center>
      )}
      {tree.status === 'error' && (
        <div className={classes.state} data-testid="schema-error">
          <div>Could not read the schema: {tree.error}</div>
          <Button size="compact-xs" variant="default" mt="xs" onClick={() => void tree.refresh()}>
            Try again
          </Button>
        </div>
      )}
      {tree.status === 'success' && rows.length === 0 && (
        <div className={classes.state} data-testid="schema-empty">
          {filter
            ? `Nothing loaded matches “${filter.trim()}”. Expand a database to search its tables and columns.`
            : 'This user sees no databases.'}
        </div>
      )}
      <div className={classes.list} ref={scrollRef} role="tree" aria-label="Schema">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div key={row.key} style={{ position: 'absolute', top: item.start, left: 0, right: 0 }}>
                <SchemaTreeRow
                  row={row}
                  filter={filter}
                  hasActions={rowActions(row).length > 0}
                  onToggle={toggle}
                  onMenu={(r, at) => setMenu({ row: r, ...at })}
                />
              </div>
            );
          })}
        </div>
      </div>
      <SchemaRowMenu open={menu} onAction={act} onClose={() => setMenu(null)} />
      <DdlModal profileId={profileId} target={ddl} onClose={() => setDdl(null)} />
      <DropDialog
        target={drop}
        sessionId={sessionId}
        onClose={() => setDrop(null)}
        onDropped={(t) => {
          setDrop(null);
          notifications.show({
            message: `Dropped ${t.kind} ${t.database}.${t.name}`,
            color: 'green',
            autoClose: 2500,
          });
          void tree.refresh();
        }}
      />
    </div>
  );
}
