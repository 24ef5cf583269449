import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ApiError } from '@renderer/api/api-error';
import { AlertIcon } from '@renderer/components/icons';

export function OpeningState({ name }: { name: string }) {
  return (
    <Center h="100%" data-testid="replication-opening">
      <Stack align="center" gap="xs">
        <Loader size="sm" type="dots" />
        <Text size="sm" c="dimmed">
          Reading the replication topology around {name}…
        </Text>
      </Stack>
    </Center>
  );
}

const HINT: Partial<Record<ApiError['code'], string>> = {
  AUTH_FAILED: 'Check the user and password of the connection (Edit… in the sidebar).',
  UNREACHABLE: 'Is the server running and reachable from this computer?',
  TIMEOUT: 'The server did not answer in time.',
};

/** Opening failed: the server's message as it came, and a way to try again. */
export function OpenFailedState({
  name,
  error,
  onRetry,
}: {
  name: string;
  error: ApiError;
  onRetry: () => void;
}) {
  return (
    <Center h="100%" p="xl">
      <Alert
        color="red"
        variant="light"
        icon={<AlertIcon />}
        title={`Could not read the replication of ${name}`}
        maw={560}
        data-testid="replication-open-error"
        data-code={error.code}
      >
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {error.message}
        </Text>
        {HINT[error.code] && (
          <Text size="xs" c="dimmed" mt={4}>
            {HINT[error.code]}
          </Text>
        )}
        <Button size="xs" mt="sm" variant="default" onClick={onRetry} data-testid="replication-retry">
          Retry
        </Button>
      </Alert>
    </Center>
  );
}
