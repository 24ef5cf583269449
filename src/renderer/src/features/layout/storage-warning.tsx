import { Alert } from '@mantine/core';
import { useState } from 'react';
import { AlertIcon } from '@renderer/components/icons';

/** A file of saved data was unreadable and moved aside: say so until the user closes it. */
export function StorageWarning({
  title,
  message,
  testId,
}: {
  title: string;
  message?: string;
  testId: string;
}) {
  const [dismissed, setDismissed] = useState(false);
  if (!message || dismissed) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      radius={0}
      icon={<AlertIcon />}
      title={title}
      withCloseButton
      onClose={() => setDismissed(true)}
      data-testid={testId}
    >
      {message}
    </Alert>
  );
}
