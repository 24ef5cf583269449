import { Button, Tooltip } from '@mantine/core';
import type { ColumnMeta } from '@shared/models/sql';
import { EditIcon } from '@renderer/components/icons';
import { openTableEditor, tableOfResult } from './open-table-editor';

/** "Edit table" for a results toolbar; shown only when every column comes from one keyed table. */
export function EditTableButton({ profileId, columns }: { profileId: string; columns: ColumnMeta[] }) {
  const target = tableOfResult(columns);
  if (!target) return null;
  return (
    <Tooltip label={`Open ${target.database}.${target.table} in the table editor`} withArrow openDelay={300}>
      <Button
        size="compact-xs"
        variant="subtle"
        color="gray"
        leftSection={<EditIcon size={12} />}
        onClick={() => openTableEditor(profileId, target.database, target.table)}
        data-testid="edit-table"
      >
        Edit table
      </Button>
    </Tooltip>
  );
}
