import { Group, SegmentedControl, Select, Text, TextInput, Tooltip } from '@mantine/core';
import { GraphIcon, RefreshIcon, SearchIcon, TableIcon } from '@renderer/components/toolbar-icons';
import type { InstanceFilter, RoleFilter, StatusFilter } from './filter-instances';
import frame from '@renderer/components/workspace-tab.module.css';
import { ToolbarIconButton } from '@renderer/components/toolbar-icon-button';

export type RdsView = 'table' | 'topology';

interface RdsToolbarProps {
  view: RdsView;
  onView: (view: RdsView) => void;
  filter: InstanceFilter;
  onFilter: (filter: InstanceFilter) => void;
  /** "3 instances · 2 regions", "1 of 3 instances" */
  summary: string;
  updatedAt: number;
  autoRefresh: boolean;
  fetching: boolean;
  onRefresh: () => void;
}

const STATUS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'Any status' },
  { value: 'available', label: 'Available' },
  { value: 'moving', label: 'In progress' },
  { value: 'stopped', label: 'Stopped' },
  { value: 'problems', label: 'Problems' },
];
const ROLES: { value: RoleFilter; label: string }[] = [
  { value: 'all', label: 'Any role' },
  { value: 'primary', label: 'Primaries' },
  { value: 'replica', label: 'Replicas' },
  { value: 'standalone', label: 'Standalone' },
];

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function RdsToolbar(p: RdsToolbarProps) {
  const { filter, onFilter } = p;
  return (
    <Group className={frame.toolbar} gap="sm" wrap="nowrap">
      <SegmentedControl
        size="xs"
        value={p.view}
        onChange={(v) => p.onView(v as RdsView)}
        data={[
          { value: 'table', label: <Label icon={<TableIcon size={13} />} text="Table" /> },
          { value: 'topology', label: <Label icon={<GraphIcon size={13} />} text="Topology" /> },
        ]}
        data-testid="rds-view"
      />
      <TextInput
        size="xs"
        w={220}
        placeholder="Search instances"
        leftSection={<SearchIcon size={13} />}
        value={filter.search}
        onChange={(e) => onFilter({ ...filter, search: e.currentTarget.value })}
        aria-label="Search instances"
        data-testid="rds-search"
      />
      <Select
        size="xs"
        w={130}
        data={STATUS}
        value={filter.status}
        onChange={(v) => onFilter({ ...filter, status: (v ?? 'all') as StatusFilter })}
        allowDeselect={false}
        aria-label="Filter by status"
        data-testid="rds-status-filter"
      />
      <Select
        size="xs"
        w={120}
        data={ROLES}
        value={filter.role}
        onChange={(v) => onFilter({ ...filter, role: (v ?? 'all') as RoleFilter })}
        allowDeselect={false}
        aria-label="Filter by role"
        data-testid="rds-role-filter"
      />
      <Group gap={8} ml="auto" wrap="nowrap">
        <Text size="xs" c="dimmed" data-testid="rds-summary" truncate>
          {p.summary}
        </Text>
        {p.updatedAt > 0 && (
          <Tooltip
            label={
              p.autoRefresh
                ? 'Refreshing every few seconds while an instance is changing'
                : 'Refresh to see changes'
            }
            openDelay={300}
          >
            <Text
              size="xs"
              c={p.autoRefresh ? 'blue.6' : 'dimmed'}
              data-testid="rds-updated"
              data-auto-refresh={p.autoRefresh || undefined}
            >
              {p.autoRefresh ? 'Auto-refresh · ' : 'Updated '}
              {time.format(p.updatedAt)}
            </Text>
          </Tooltip>
        )}
        <ToolbarIconButton
          tooltip="Refresh"
          onClick={p.onRefresh}
          loading={p.fetching}
          data-testid="rds-refresh"
          icon={<RefreshIcon size={14} />}
        />
      </Group>
    </Group>
  );
}

function Label({ icon, text }: { icon: React.ReactNode; text: string }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 5 }}>
      {icon}
      {text}
    </span>
  );
}
