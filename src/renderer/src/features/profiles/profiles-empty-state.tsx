import { Button, EmptyState } from '@mantine/core';
import { DatabaseIcon, PlusIcon } from '@renderer/components/icons';
import { useProfileEditor } from '@renderer/stores/profile-editor-store';

/** First run: nothing stored yet, so the one thing to do is add a connection. */
export function ProfilesEmptyState() {
  const openNew = useProfileEditor((s) => s.openNew);
  return (
    <EmptyState
      data-testid="empty-state"
      icon={<DatabaseIcon size={28} />}
      withIndicatorBackground
      title="No connections yet"
      description="Add a MySQL or MariaDB server to browse it and run SQL. You can test the connection before saving it."
      size="sm"
      maw={380}
    >
      <EmptyState.Actions>
        <Button leftSection={<PlusIcon size={14} />} onClick={openNew} data-testid="empty-add-profile">
          Add connection
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
