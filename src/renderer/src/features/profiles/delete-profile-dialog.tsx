import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ConnectionProfile } from '@shared/models/profile';
import { useDeleteProfile } from '@renderer/api/use-profiles';
import { ConfirmDialog } from '@renderer/components/confirm-dialog';

export function DeleteProfileDialog({
  profile,
  onClose,
}: {
  profile: ConnectionProfile | null;
  onClose: () => void;
}) {
  const remove = useDeleteProfile();
  // Keep the name on screen while the dialog animates closed after `profile` went back to null.
  const [shown, setShown] = useState(profile);
  if (profile && profile !== shown) setShown(profile);

  function confirm(): void {
    if (!profile) return;
    remove.mutate(profile.id, {
      onSuccess: () => {
        notifications.show({ message: `Deleted “${profile.name}”`, autoClose: 2500 });
        onClose();
      },
      onError: (err) => notifications.show({ title: 'Could not delete', message: err.message, color: 'red' }),
    });
  }

  return (
    <ConfirmDialog
      opened={profile !== null}
      title="Delete connection"
      confirmLabel="Delete"
      busy={remove.isPending}
      onConfirm={confirm}
      onCancel={onClose}
    >
      Delete “{shown?.name}” and its saved password? Open tabs on it stay open until you close them.
    </ConfirmDialog>
  );
}
