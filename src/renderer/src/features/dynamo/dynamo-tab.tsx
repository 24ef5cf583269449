import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { toApiError } from '@renderer/api/api-error';
import { DatabaseIcon, PlusIcon } from '@renderer/components/icons';
import { RefreshIcon } from '@renderer/components/toolbar-icons';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { useAwsSelection } from '@renderer/api/use-aws-selection';
import { LabOffState } from '@renderer/components/lab-off-state';
import frame from '@renderer/components/workspace-tab.module.css';
import { ToolbarIconButton } from '@renderer/components/toolbar-icon-button';
import { CenteredEmptyState } from '@renderer/components/empty-state';
import { CapacityTotal } from './capacity/capacity-total';
import { CreateTableDialog } from './tables/create-table-dialog';
import { TableList, type TableRef } from './tables/table-list';
import { TableView } from './table-view';
import { useDynamoTables } from './use-dynamo';
import classes from './dynamo-tab.module.css';

const tableCount = (n: number) => `${n} ${n === 1 ? 'table' : 'tables'}`;

/** DynamoDB tables of the sidebar's AWS profile and regions: list, details, the item explorer. */
export function DynamoTab() {
  const { profile, regions } = useAwsSelection();
  const labOff = profile?.kind === 'lab' && !profile.running;
  const listing = useDynamoTables(profile && !labOff ? profile.name : null, regions);
  const [selected, setSelected] = useState<TableRef | null>(null);
  const [creating, setCreating] = useState(false);
  const listed = listing.data?.regions;
  // A table deleted or a region unticked elsewhere drops out of the selection.
  const current =
    selected && listed?.some((r) => r.region === selected.region && r.tables?.includes(selected.table))
      ? selected
      : null;
  const state = labOff ? 'lab-off' : listing.isPending ? 'loading' : listing.data ? 'ready' : 'error';

  function main() {
    if (!profile) return null;
    if (listing.error && !listing.data)
      return (
        <div style={{ padding: 12 }}>
          <AwsErrorAlert error={toApiError(listing.error)} title="Could not list DynamoDB tables" />
        </div>
      );
    if (!current)
      return (
        <CenteredEmptyState
          icon={<DatabaseIcon size={26} />}
          title="Choose a table"
          description="Pick a table on the left to explore its items and settings, or create one."
          data-testid="dynamo-no-selection"
        />
      );
    return (
      <TableView
        key={`${current.region}/${current.table}`}
        profile={profile.name}
        region={current.region}
        table={current.table}
        onDeleted={() => {
          setSelected(null);
          void listing.refetch();
        }}
      />
    );
  }

  return (
    <div className={frame.tab} data-testid="dynamo-tab" data-state={state} data-profile={profile?.name}>
      <Group className={frame.toolbar} gap="sm" wrap="nowrap">
        <Button
          size="xs"
          leftSection={<PlusIcon size={14} />}
          disabled={!profile || labOff || regions.length === 0}
          onClick={() => setCreating(true)}
          data-testid="dynamo-create-table"
        >
          Create table
        </Button>
        <Text size="xs" c="dimmed" data-testid="dynamo-summary">
          {listed
            ? `${tableCount(listed.reduce((n, r) => n + (r.tables?.length ?? 0), 0))} · ${regions.join(', ')}`
            : ''}
        </Text>
        <Group gap={8} ml="auto" wrap="nowrap">
          <CapacityTotal />
          <ToolbarIconButton
            tooltip="Refresh the table list"
            aria-label="Refresh tables"
            loading={listing.isFetching}
            onClick={() => void listing.refetch()}
            data-testid="dynamo-refresh"
            icon={<RefreshIcon size={14} />}
          />
        </Group>
      </Group>
      {labOff ? (
        <LabOffState />
      ) : (
        <div className={classes.body}>
          <TableList regions={listed} pending={listing.isPending} selected={current} onSelect={setSelected} />
          <div className={classes.main}>{main()}</div>
        </div>
      )}
      {creating && profile && (
        <CreateTableDialog
          profile={profile.name}
          regions={regions}
          onClose={() => setCreating(false)}
          onCreated={(ref) => {
            setCreating(false);
            setSelected(ref);
            void listing.refetch();
          }}
        />
      )}
    </div>
  );
}
