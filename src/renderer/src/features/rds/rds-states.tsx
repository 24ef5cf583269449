import { Button, Center, EmptyState, Group, Loader, Text } from '@mantine/core';
import { SearchIcon, ServerIcon } from '@renderer/components/toolbar-icons';

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
    <Center h="100%" p="xl">
      <EmptyState
        data-testid="rds-empty"
        icon={<ServerIcon size={26} />}
        withIndicatorBackground
        size="sm"
        maw={420}
        title={`No RDS instances in ${regions.join(', ')}`}
        description={
          lab
            ? 'The local lab has no instances right now. Restart it from the status bar to get the course instances back.'
            : 'This profile sees no DB instances in the chosen regions. Pick other regions in the sidebar, or refresh after creating one.'
        }
      >
        <EmptyState.Actions>
          <Button size="xs" variant="default" onClick={onRefresh}>
            Refresh
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}

export function NoMatch({ onClear }: { onClear: () => void }) {
  return (
    <Center h="100%" p="xl">
      <EmptyState
        data-testid="rds-no-match"
        icon={<SearchIcon size={24} />}
        size="sm"
        title="No instance matches"
        description="Nothing in the chosen regions matches the search and filters."
      >
        <EmptyState.Actions>
          <Button size="xs" variant="default" onClick={onClear}>
            Clear filters
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
