import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { toApiError } from '@renderer/api/api-error';
import { TypeToConfirm, typedMatches } from '@renderer/components/type-to-confirm';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { useDeleteTable } from '../use-table-admin';

interface DeleteTableDialogProps {
  profile: string;
  region: string;
  table: string;
  protectedFromDelete: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

/** Deleting a table and every item in it: the user types its name first. */
export function DeleteTableDialog(p: DeleteTableDialogProps) {
  const [typed, setTyped] = useState('');
  const remove = useDeleteTable({ profile: p.profile, region: p.region, table: p.table }, p.onDeleted);
  return (
    <Modal
      opened
      onClose={p.onClose}
      title={`Delete ${p.table}?`}
      centered
      size={440}
      data-testid="delete-table-dialog"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (typedMatches(p.table, typed)) remove.mutate(typed.trim());
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            The table and all its items in {p.region} are deleted for good. Backups and exports are not
            affected.
          </Text>
          {p.protectedFromDelete && (
            <Alert color="orange" variant="light" p="xs">
              <Text size="xs">
                Deletion protection is on: turn it off first, or DynamoDB refuses the delete.
              </Text>
            </Alert>
          )}
          <TypeToConfirm expected={p.table} value={typed} onChange={setTyped} />
          {remove.error && (
            <AwsErrorAlert error={toApiError(remove.error)} compact title="The table was not deleted" />
          )}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={p.onClose}>
              Cancel
            </Button>
            <Button
              size="xs"
              color="red"
              type="submit"
              disabled={!typedMatches(p.table, typed)}
              loading={remove.isPending}
              data-testid="delete-table-confirm"
            >
              Delete table
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
