import { Button } from '@mantine/core';
import { CenteredEmptyState } from '@renderer/components/empty-state';
import { DatabaseIcon } from '@renderer/components/icons';
import { ServerIcon } from '@renderer/components/toolbar-icons';
import { useWorkspaceTabs } from '@renderer/stores/workspace-tabs-store';

export function NoTabsState() {
  const openRdsTab = useWorkspaceTabs((s) => s.openRdsTab);
  return (
    <CenteredEmptyState
      data-testid="no-tabs"
      icon={<DatabaseIcon size={28} />}
      title="Open a connection"
      description="Click a connection on the left to open a SQL tab (each tab has its own session), or browse the RDS instances of the AWS profile below it."
      maw={400}
      actions={
        <Button variant="default" leftSection={<ServerIcon size={14} />} onClick={openRdsTab}>
          RDS instances
        </Button>
      }
    />
  );
}
