import { Button, Code, Group, List, Modal, Text } from '@mantine/core';

interface HeartbeatConsentProps {
  /** The primary's label and address, as the graph shows it. */
  primary: string | null;
  schema: string;
  busy: boolean;
  onConsent: () => void;
  onCancel: () => void;
}

/** The `table` heartbeat writes on the primary: the user says yes knowing where and what. */
export function HeartbeatConsentDialog({
  primary,
  schema,
  busy,
  onConsent,
  onCancel,
}: HeartbeatConsentProps) {
  return (
    <Modal
      opened
      onClose={onCancel}
      title="Write a heartbeat on the primary?"
      size="md"
      centered
      data-testid="heartbeat-consent"
    >
      <Text size="sm" mb="xs">
        To measure lag, the app will write to <b>{primary ?? 'the primary'}</b>:
      </Text>
      <List size="sm" mb="md" spacing={4}>
        <List.Item>
          create the schema <Code>{schema}</Code> and the table <Code>{schema}.heartbeat</Code> if they do not
          exist,
        </List.Item>
        <List.Item>update one row in it at every interval while this tab is open.</List.Item>
      </List>
      <Text size="xs" c="dimmed" mb="lg">
        The writes replicate to every replica, like any other change. The answer is remembered for this
        connection.
      </Text>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel} data-autofocus>
          Cancel
        </Button>
        <Button onClick={onConsent} loading={busy} data-testid="heartbeat-consent-ok">
          Allow writes
        </Button>
      </Group>
    </Modal>
  );
}
