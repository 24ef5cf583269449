import { Button } from '@mantine/core';
import { CenteredEmptyState } from '@renderer/components/empty-state';
import { DatabaseIcon, PlusIcon } from '@renderer/components/icons';
import { ServerIcon } from '@renderer/components/toolbar-icons';
import { useProfileEditor } from '@renderer/stores/profile-editor-store';
import { useWorkspaceTabs } from '@renderer/stores/workspace-tabs-store';

/** First run: nothing stored yet. Add a server by hand, or start from RDS (the local lab needs no setup). */
export function ProfilesEmptyState() {
  const openNew = useProfileEditor((s) => s.openNew);
  const openRdsTab = useWorkspaceTabs((s) => s.openRdsTab);
  return (
    <CenteredEmptyState
      data-testid="empty-state"
      icon={<DatabaseIcon size={28} />}
      title="No connections yet"
      description="Add a MySQL or MariaDB server to browse it and run SQL, or list the RDS instances of an AWS profile (the local lab is one) and connect from there."
      actions={
        <>
          <Button leftSection={<PlusIcon size={14} />} onClick={openNew} data-testid="empty-add-profile">
            Add connection
          </Button>
          <Button
            variant="default"
            leftSection={<ServerIcon size={14} />}
            onClick={openRdsTab}
            data-testid="empty-open-rds"
          >
            RDS instances
          </Button>
        </>
      }
    />
  );
}
