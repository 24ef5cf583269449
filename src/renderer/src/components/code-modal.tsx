import {
  Alert,
  Button,
  Center,
  Code,
  CopyButton,
  Group,
  Loader,
  Modal,
  ScrollArea,
  Text,
} from '@mantine/core';
import type { ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface CodeModalProps {
  title: ReactNode;
  note?: ReactNode;
  /** The text shown; the modal is open while it is not null (or while `opened` says so). */
  code: string | null | undefined;
  opened?: boolean;
  /** While the text is still being read from the server. */
  loading?: boolean;
  error?: { title: string; message: string } | null;
  size?: ModalProps['size'];
  /** Names the modal, its text (`-text`) and its copy button (`-copy`) for tests. */
  testId?: string;
  onClose: () => void;
}

/** Generated or stored text (a CLI command, a template, a CREATE statement) to read and copy; never edited here. */
export function CodeModal({
  title,
  note,
  code,
  opened = code !== null && code !== undefined,
  loading = false,
  error = null,
  size = 680,
  testId = 'code-modal',
  onClose,
}: CodeModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      centered
      styles={{ title: { fontWeight: 600 } }}
      data-testid={testId}
    >
      {note && (
        <Text size="xs" c="dimmed" mb="xs">
          {note}
        </Text>
      )}
      {loading && (
        <Center h={120}>
          <Loader size="sm" />
        </Center>
      )}
      {error && (
        <Alert color="red" title={error.title}>
          {error.message}
        </Alert>
      )}
      {typeof code === 'string' && (
        <>
          <ScrollArea.Autosize mah="60vh" type="auto">
            <Code block style={{ fontSize: 12 }} data-testid={`${testId}-text`}>
              {code}
            </Code>
          </ScrollArea.Autosize>
          <Group justify="flex-end" mt="sm" gap="xs">
            <Button size="xs" variant="default" onClick={onClose}>
              Close
            </Button>
            <CopyButton value={code}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  data-testid={`${testId}-copy`}
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </>
      )}
    </Modal>
  );
}
