import { Button, Code, CopyButton, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface ValueModalProps {
  opened: boolean;
  /** The column or attribute name, and where it sits (type, row), dimmed beside it. */
  name: ReactNode;
  place: ReactNode;
  /** Badges and switches left of the copy button: what kind of value it is, how it is shown. */
  controls: ReactNode;
  /** The text shown and copied; null shows `empty` instead and offers no copy (a NULL). */
  text: string | null;
  empty?: ReactNode;
  note?: ReactNode;
  /** Names the modal and its text (`-text`) for tests. */
  testId: string;
  textTestId?: string;
  onClose: () => void;
}

/** One value in full (a SQL cell, a DynamoDB attribute): wrapped text to read and copy, never edited. */
export function ValueModal({
  opened,
  name,
  place,
  controls,
  text,
  empty,
  note,
  testId,
  textTestId = `${testId}-text`,
  onClose,
}: ValueModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={
        <Group gap="xs">
          <Text fw={600}>{name}</Text>
          <Text size="xs" c="dimmed">
            {place}
          </Text>
        </Group>
      }
      data-testid={testId}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">{controls}</Group>
          {text !== null && (
            <CopyButton value={text}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy value'}
                </Button>
              )}
            </CopyButton>
          )}
        </Group>
        {text === null ? (
          empty
        ) : (
          <ScrollArea.Autosize mah="60vh">
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid={textTestId}>
              {text === '' ? ' ' : text}
            </Code>
          </ScrollArea.Autosize>
        )}
        {note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
