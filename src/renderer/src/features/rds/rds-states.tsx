import { Button, Center, Group, Loader, Text } from '@mantine/core';
import { SearchIcon, ServerIcon } from '@renderer/components/toolbar-icons';
import { CenteredEmptyState } from '@renderer/components/empty-state';

export function ListingLoader({ regions }: { regions: string[] }) {
  return (
    <Center h="100%" data-testid="rds-loading">
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Listing instances in {regions.join(', ')}…
        </Text>
      </Group>
    </Center>
  );
}

export function NoInstances({
  regions,
  lab,
  onRefresh,
}: {
  regions: string[];
  lab: boolean;
  onRefresh: () => void;
}) {
  return (
    <CenteredEmptyState
      data-testid="rds-empty"
      icon={<ServerIcon size={26} />}
      title={`No RDS instances in ${regions.join(', ')}`}
      description={
        lab
          ? 'The local lab has no instances right now. Restart it from the status bar to get the course instances back.'
          : 'This profile sees no DB instances in the chosen regions. Pick other regions in the sidebar, or refresh after creating one.'
      }
      actions={
        <Button size="xs" variant="default" onClick={onRefresh}>
          Refresh
        </Button>
      }
    />
  );
}

export function NoMatch({ onClear }: { onClear: () => void }) {
  return (
    <CenteredEmptyState
      data-testid="rds-no-match"
      icon={<SearchIcon size={24} />}
      title="No instance matches"
      description="Nothing in the chosen regions matches the search and filters."
      plain
      actions={
        <Button size="xs" variant="default" onClick={onClear}>
          Clear filters
        </Button>
      }
    />
  );
}
