import { Button, Code, CopyButton, Group, Modal, Text } from '@mantine/core';

interface CodeModalProps {
  title: string;
  note: string;
  code: string | null;
  onClose: () => void;
}

/** Generated text (a CLI command, a template) to read and copy; never edited here. */
export function CodeModal({ title, note, code, onClose }: CodeModalProps) {
  return (
    <Modal
      opened={code !== null}
      onClose={onClose}
      title={title}
      size={680}
      centered
      styles={{ title: { fontWeight: 600 } }}
      data-testid="code-modal"
    >
      <Text size="xs" c="dimmed" mb="xs">
        {note}
      </Text>
      <Code block style={{ maxHeight: '60vh', overflow: 'auto', fontSize: 12 }} data-testid="code-modal-text">
        {code}
      </Code>
      <Group justify="flex-end" mt="sm">
        <CopyButton value={code ?? ''}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              color={copied ? 'teal' : undefined}
              onClick={copy}
              data-testid="code-modal-copy"
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Modal>
  );
}
