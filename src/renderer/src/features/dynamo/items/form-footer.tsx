import { Button, Group, Tooltip } from '@mantine/core';

interface FormFooterProps {
  creating: boolean;
  busy: boolean;
  transactions: boolean;
  onSave: () => void;
  onStage: () => void;
  onCancel: () => void;
}

export const NO_TRANSACTIONS =
  'This endpoint has no transactions (dynalite), so changes cannot be committed together here: save each one.';

/** Save (or Create), Stage for a transaction, Cancel. */
export function FormFooter({ creating, busy, transactions, onSave, onStage, onCancel }: FormFooterProps) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Group gap="xs" wrap="nowrap">
        <Tooltip
          label={
            creating
              ? 'Writes the item only if none has its key (Ctrl+S)'
              : 'Writes only if the item is still as loaded (Ctrl+S)'
          }
          openDelay={500}
        >
          <Button size="xs" loading={busy} onClick={onSave} data-testid="dynamo-item-save">
            {creating ? 'Create' : 'Save'}
          </Button>
        </Tooltip>
        <Tooltip
          label={
            transactions ? 'Add to the staged changes, committed later as one transaction' : NO_TRANSACTIONS
          }
          multiline
          w={260}
          openDelay={transactions ? 500 : 0}
        >
          <Button
            size="xs"
            variant="default"
            // data-disabled keeps the tooltip working, which a disabled button would not.
            data-disabled={!transactions || undefined}
            onClick={(e) => {
              if (!transactions) e.preventDefault();
              else onStage();
            }}
            data-testid="dynamo-item-stage"
          >
            Stage
          </Button>
        </Tooltip>
      </Group>
      <Button size="xs" variant="subtle" color="gray" onClick={onCancel} data-testid="dynamo-item-cancel">
        {creating ? 'Discard' : 'Cancel'}
      </Button>
    </Group>
  );
}
