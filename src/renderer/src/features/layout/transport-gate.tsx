import { Alert, Center, Code, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTransportStatus } from '@renderer/api/api-provider';
import { PlugOffIcon } from '@renderer/components/icons';

/**
 * Browser mode only: when the server refuses the socket (no or stale token), nothing else can work,
 * so the whole page says what to do. A dropped socket shows a thin bar while it reconnects.
 */
export function TransportGate({ children }: { children: ReactNode }) {
  const status = useTransportStatus();
  if (status === 'refused') {
    return (
      <Center h="100%" p="xl" data-testid="connection-refused">
        <Stack align="center" gap="sm" maw={460} ta="center">
          <PlugOffIcon size={32} color="var(--mantine-color-dimmed)" />
          <Title order={3}>Not connected to the app</Title>
          <Text c="dimmed">
            This page needs the link with its access token. Open the URL printed in the terminal by{' '}
            <Code>npm start</Code>, which looks like:
          </Text>
          <Code style={{ whiteSpace: 'nowrap' }}>Browser mode: http://127.0.0.1:PORT/?token=…</Code>
          <Text size="sm" c="dimmed">
            If you restarted the app, its token changed: use the new URL.
          </Text>
        </Stack>
      </Center>
    );
  }
  return (
    <>
      {status === 'reconnecting' && (
        <Alert
          color="orange"
          variant="filled"
          radius={0}
          py={4}
          style={{ position: 'fixed', bottom: 0, left: 0, right: 0, zIndex: 1000 }}
          data-testid="reconnecting"
        >
          <Text size="sm">
            Lost the connection to the app. Reconnecting… If you restarted it, open the new URL printed by{' '}
            <Text span ff="monospace" fw={600}>
              npm start
            </Text>
            .
          </Text>
        </Alert>
      )}
      {children}
    </>
  );
}
