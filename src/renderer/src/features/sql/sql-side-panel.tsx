import { CloseButton, Group, SegmentedControl, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { SearchIcon } from '@renderer/components/toolbar-icons';
import { HistoryList } from './history-list';
import { SavedList } from './saved-list';
import type { SidePanelActions } from './side-panel-actions';
import classes from './sql-side-panel.module.css';

interface SqlSidePanelProps extends SidePanelActions {
  profileId: string;
  onClose: () => void;
}

/** History of this connection and saved queries, searchable, beside the editor. */
export function SqlSidePanel({ profileId, onClose, ...actions }: SqlSidePanelProps) {
  const [view, setView] = useState<'history' | 'saved'>('history');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);

  return (
    <aside className={classes.panel} data-testid="sql-side-panel" aria-label="History and saved queries">
      <Group className={classes.header} gap="xs" wrap="nowrap">
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => {
            setView(v as 'history' | 'saved');
            // A search belongs to its list: "frm" in the history would hide every saved query.
            setSearch('');
          }}
          data={[
            { value: 'history', label: 'History' },
            { value: 'saved', label: 'Saved' },
          ]}
          style={{ flex: 1 }}
          data-testid="side-panel-view"
        />
        <CloseButton size="sm" aria-label="Close the panel" onClick={onClose} />
      </Group>
      <div className={classes.search}>
        <TextInput
          size="xs"
          placeholder={view === 'history' ? 'Search history' : 'Search saved queries'}
          leftSection={<SearchIcon size={12} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          rightSection={
            search ? <CloseButton size="xs" aria-label="Clear" onClick={() => setSearch('')} /> : null
          }
          data-testid="side-panel-search"
        />
      </div>
      {view === 'history' ? (
        <HistoryList profileId={profileId} search={debounced} {...actions} />
      ) : (
        <SavedList profileId={profileId} search={search.trim()} {...actions} />
      )}
    </aside>
  );
}
