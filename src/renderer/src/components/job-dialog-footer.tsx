import { Button, Group, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

interface JobDialogFooterProps {
  /** While the job runs, Cancel stands where Close was: the dialog cannot close mid-job. */
  running: boolean;
  onCancel: () => void;
  cancelLabel: string;
  cancelDisabled?: boolean;
  cancelColor?: MantineColor;
  cancelTestId: string;
  onClose: () => void;
  closeLabel?: string;
  closeTestId?: string;
  /** The dialog's start buttons, after Cancel or Close. */
  children?: ReactNode;
}

/** The right-aligned buttons under an import or export dialog. */
export function JobDialogFooter({
  running,
  onCancel,
  cancelLabel,
  cancelDisabled,
  cancelColor,
  cancelTestId,
  onClose,
  closeLabel = 'Close',
  closeTestId,
  children,
}: JobDialogFooterProps) {
  return (
    <Group justify="flex-end" gap="xs">
      {running ? (
        <Button
          variant="default"
          color={cancelColor}
          onClick={onCancel}
          disabled={cancelDisabled}
          data-testid={cancelTestId}
        >
          {cancelLabel}
        </Button>
      ) : (
        <Button variant="default" onClick={onClose} data-testid={closeTestId}>
          {closeLabel}
        </Button>
      )}
      {children}
    </Group>
  );
}
