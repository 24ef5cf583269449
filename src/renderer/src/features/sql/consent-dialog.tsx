import { Button, Code, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import type { ConnectionProfile } from '@shared/models/profile';
import { AlertIcon } from '@renderer/components/icons';
import type { ConsentRequest } from './use-script-run';
import classes from './consent-dialog.module.css';

const MAX_SHOWN = 12;

/**
 * Asks before destructive statements are sent, naming each one and why it is risky. Cancel has focus,
 * so Enter never drops a table by accident; cancelling sends nothing.
 */
export function ConsentDialog({
  request,
  profile,
}: {
  request: ConsentRequest | null;
  profile: ConnectionProfile | undefined;
}) {
  const statements = request?.statements ?? [];
  const count = statements.length;
  const production = profile?.environment === 'production';
  return (
    <Modal
      opened={request !== null}
      onClose={() => request?.answer(false)}
      title={count > 1 ? `Run ${count} destructive statements?` : 'Run a destructive statement?'}
      size="lg"
      centered
      data-testid="consent-dialog"
    >
      <Stack gap="sm">
        <Text size="md">
          {count > 1 ? 'These statements change' : 'This statement changes'} data or structure on{' '}
          <b>{profile?.name ?? 'this connection'}</b> and cannot be undone.
          {request?.fromServer && ' The server asked for confirmation before running it.'}
        </Text>
        {production && (
          <Group gap={6} c="red" data-testid="consent-production">
            <AlertIcon size={14} />
            <Text size="sm" fw={600}>
              This is a production connection.
            </Text>
          </Group>
        )}
        <ScrollArea.Autosize mah={320} type="auto">
          <Stack gap="xs">
            {statements.slice(0, MAX_SHOWN).map((s) => (
              <div key={`${s.index}-${s.text}`} className={classes.item} data-testid="consent-statement">
                <Text size="sm" fw={500} mb={4}>
                  {s.reason}
                </Text>
                <Code block className={classes.sql}>
                  {s.text}
                </Code>
              </div>
            ))}
            {count > MAX_SHOWN && (
              <Text size="sm" c="dimmed">
                …and {count - MAX_SHOWN} more.
              </Text>
            )}
          </Stack>
        </ScrollArea.Autosize>
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button
            variant="default"
            onClick={() => request?.answer(false)}
            data-autofocus
            data-testid="consent-cancel"
          >
            Cancel
          </Button>
          <Button color="red" onClick={() => request?.answer(true)} data-testid="consent-run">
            {count > 1 ? `Run ${count} statements` : `Run ${statements[0]?.verb ?? 'it'}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
