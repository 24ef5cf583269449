import { Alert, CloseButton, Group, Loader, Text } from '@mantine/core';
import { useEffect } from 'react';
import { AlertIcon, CheckIcon } from '@renderer/components/icons';
import type { LiveSession } from './use-live-session';

/** How long "Reconnected" stays before it folds away by itself. */
const RECONNECTED_VISIBLE_MS = 8000;

/**
 * What the session is going through: "Reconnecting… attempt 3" while the main process retries after a
 * dropped connection or a failover, then "Reconnected" (and whether a transaction was lost). A session
 * that could not be brought back is shown by SessionBanner with its Reconnect button. Also a failed
 * Commit, Rollback or auto-commit switch.
 */
export function ReconnectNotice({ live }: { live: LiveSession }) {
  const { notice, dismissNotice, commandError } = live;
  const reconnected = notice?.status === 'open';

  useEffect(() => {
    if (!reconnected) return;
    const timer = setTimeout(dismissNotice, RECONNECTED_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [reconnected, dismissNotice]);

  return (
    <>
      {notice?.status === 'reconnecting' && (
        <Alert
          color="yellow"
          variant="light"
          radius={0}
          py={6}
          icon={<Loader size={14} color="yellow" />}
          data-testid="session-reconnecting"
        >
          <Text size="sm">
            <b>Reconnecting…{notice.attempt ? ` attempt ${notice.attempt}` : ''}</b> {notice.message}
          </Text>
        </Alert>
      )}
      {reconnected && (
        <Alert
          color="green"
          variant="light"
          radius={0}
          py={6}
          icon={<CheckIcon size={16} />}
          data-testid="session-reconnected"
        >
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{notice.message || 'Reconnected.'}</Text>
            <CloseButton size="sm" aria-label="Dismiss" onClick={dismissNotice} />
          </Group>
        </Alert>
      )}
      {commandError && (
        <Alert
          color="red"
          variant="light"
          radius={0}
          py={6}
          icon={<AlertIcon size={16} />}
          data-testid="session-command-error"
        >
          <Text size="sm">{commandError.message}</Text>
        </Alert>
      )}
    </>
  );
}
