import { Button, Group, Modal, Stack } from '@mantine/core';
import type { RdsInstance } from '@shared/models/rds';
import { TypeToConfirm } from '@renderer/components/type-to-confirm';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { ACTION_TEXT, needsTypedConfirmation, type RdsActionKind } from './action-kinds';
import { ActionBody } from './action-body';
import type { StartedOperation } from './run-action';
import { useActionForm } from './use-action-form';

export interface ActionRequest {
  kind: RdsActionKind;
  instance: RdsInstance;
}

interface ActionDialogProps {
  profile: string;
  request: ActionRequest;
  /** Identifiers in use (lowercase), so a new replica's name can be checked and suggested. */
  taken: ReadonlySet<string>;
  regions: string[];
  onStarted: (op: StartedOperation) => void;
  onClose: () => void;
}

function ActionForm({ profile, request, taken, regions, onStarted, onClose }: ActionDialogProps) {
  const { kind, instance } = request;
  const form = useActionForm(kind, profile, instance, taken);
  const destructive = needsTypedConfirmation(kind, form.values.forceFailover);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (form.canSubmit) form.submit(onStarted);
      }}
      data-testid="rds-action-form"
      data-action={kind}
    >
      <Stack gap="md">
        <ActionBody
          kind={kind}
          instance={instance}
          values={form.values}
          errors={form.errors}
          set={form.set}
          regions={regions}
        />
        {form.mustType && (
          <TypeToConfirm expected={instance.id} value={form.typed} onChange={form.setTyped} />
        )}
        {form.mutation.error && (
          <AwsErrorAlert error={form.mutation.error} title={`${ACTION_TEXT[kind].title} failed`} />
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} data-testid="rds-action-cancel">
            Cancel
          </Button>
          <Button
            type="submit"
            color={destructive ? 'red' : undefined}
            disabled={!form.canSubmit}
            loading={form.mutation.isPending}
            data-testid="rds-action-confirm"
          >
            {ACTION_TEXT[kind].verb}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One dialog for every instance action; the action runs only from here, after its confirmation. */
export function ActionDialog(props: ActionDialogProps) {
  const { request, onClose } = props;
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${ACTION_TEXT[request.kind].title} · ${request.instance.id}`}
      size={480}
      centered
      closeOnClickOutside={false}
      styles={{ title: { fontWeight: 600 } }}
      data-testid="rds-action-dialog"
    >
      <ActionForm {...props} />
    </Modal>
  );
}
