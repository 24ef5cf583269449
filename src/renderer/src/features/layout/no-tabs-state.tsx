import { Button, EmptyState } from '@mantine/core';
import { DatabaseIcon } from '@renderer/components/icons';
import { ServerIcon } from '@renderer/components/toolbar-icons';
import { useWorkspaceTabs } from '@renderer/stores/workspace-tabs-store';

export function NoTabsState() {
  const openRdsTab = useWorkspaceTabs((s) => s.openRdsTab);
  return (
    <EmptyState
      data-testid="no-tabs"
      icon={<DatabaseIcon size={28} />}
      withIndicatorBackground
      title="Open a connection"
      description="Click a connection on the left to open a SQL tab (each tab has its own session), or browse the RDS instances of the AWS profile below it."
      size="sm"
      maw={400}
    >
      <EmptyState.Actions>
        <Button variant="default" leftSection={<ServerIcon size={14} />} onClick={openRdsTab}>
          RDS instances
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
