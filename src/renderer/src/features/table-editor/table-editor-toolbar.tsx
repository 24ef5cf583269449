import { ActionIcon, Button, Divider, Group, Text } from '@mantine/core';
import { PlusIcon, TrashIcon } from '@renderer/components/icons';
import { RefreshIcon } from '@renderer/components/toolbar-icons';
import frame from '@renderer/components/workspace-tab.module.css';
import { ToolbarIconButton } from '@renderer/components/toolbar-icon-button';

interface ToolbarProps {
  title: string;
  readOnly: boolean;
  pendingCount: number;
  canDelete: boolean;
  range: string;
  hasPrev: boolean;
  hasNext: boolean;
  fetching: boolean;
  onAdd: () => void;
  onDelete: () => void;
  onDiscard: () => void;
  onReview: () => void;
  onPrev: () => void;
  onNext: () => void;
  onRefresh: () => void;
  onExport: () => void;
  onImport: () => void;
  onExplain: () => void;
}

export function TableEditorToolbar(p: ToolbarProps) {
  return (
    <Group className={frame.toolbar} gap="xs" wrap="nowrap">
      <Text size="sm" fw={600} ff="monospace" truncate maw={260} title={p.title}>
        {p.title}
      </Text>
      <Divider orientation="vertical" my={10} />
      <Button
        size="compact-sm"
        variant="subtle"
        leftSection={<PlusIcon size={14} />}
        disabled={p.readOnly}
        onClick={p.onAdd}
        data-testid="add-row"
      >
        Add row
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        leftSection={<TrashIcon size={14} />}
        disabled={p.readOnly || !p.canDelete}
        onClick={p.onDelete}
        data-testid="delete-row"
      >
        Delete row
      </Button>
      <Divider orientation="vertical" my={10} />
      <Button
        size="compact-sm"
        variant="default"
        disabled={p.pendingCount === 0}
        onClick={p.onDiscard}
        data-testid="discard-edits"
      >
        Discard
      </Button>
      <Button
        size="compact-sm"
        disabled={p.pendingCount === 0}
        onClick={p.onReview}
        data-testid="review-edits"
      >
        Review and apply{p.pendingCount > 0 ? ` (${p.pendingCount})` : ''}
      </Button>
      <div style={{ flex: 1 }} />
      <Text size="xs" c="dimmed" data-testid="table-range" style={{ whiteSpace: 'nowrap' }}>
        {p.range}
      </Text>
      <Group gap={2} wrap="nowrap">
        <ActionIcon
          size="sm"
          variant="subtle"
          color="gray"
          disabled={!p.hasPrev}
          onClick={p.onPrev}
          aria-label="Previous rows"
        >
          ‹
        </ActionIcon>
        <ActionIcon
          size="sm"
          variant="subtle"
          color="gray"
          disabled={!p.hasNext}
          onClick={p.onNext}
          aria-label="Next rows"
        >
          ›
        </ActionIcon>
      </Group>
      <ToolbarIconButton
        tooltip="Reload rows (pending changes are kept)"
        openDelay={300}
        withArrow
        loading={p.fetching}
        onClick={p.onRefresh}
        aria-label="Reload rows"
        icon={<RefreshIcon size={14} />}
      />
      <Divider orientation="vertical" my={10} />
      <Button
        size="compact-sm"
        variant="subtle"
        color="gray"
        onClick={p.onExplain}
        data-testid="explain-table"
      >
        Explain
      </Button>
      <Button size="compact-sm" variant="subtle" color="gray" onClick={p.onExport} data-testid="export-table">
        Export
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="gray"
        disabled={p.readOnly}
        onClick={p.onImport}
        data-testid="import-csv"
      >
        Import CSV
      </Button>
    </Group>
  );
}
