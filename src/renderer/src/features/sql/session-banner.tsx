import { Alert, Button, Group, Text } from '@mantine/core';
import { AlertIcon, PlugOffIcon } from '@renderer/components/icons';
import type { SessionState } from './use-sql-session';

/** Shown above the editor when the tab has no working session: the text and results stay. */
export function SessionBanner({ session, onReconnect }: { session: SessionState; onReconnect: () => void }) {
  if (session.status !== 'failed' && session.status !== 'lost') return null;
  const lost = session.status === 'lost';
  return (
    <Alert
      color={lost ? 'orange' : 'red'}
      variant="light"
      radius={0}
      py={6}
      icon={lost ? <PlugOffIcon size={16} /> : <AlertIcon size={16} />}
      data-testid={lost ? 'session-lost' : 'session-failed'}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">
          <b>{lost ? 'Connection lost.' : 'Could not connect.'}</b>{' '}
          {lost ? session.reason : session.error.message}
        </Text>
        <Button size="xs" variant="default" onClick={onReconnect} data-testid="reconnect">
          {lost ? 'Reconnect' : 'Retry'}
        </Button>
      </Group>
    </Alert>
  );
}
