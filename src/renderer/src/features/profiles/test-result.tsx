import { Alert, Text } from '@mantine/core';
import type { ErrorCode } from '@shared/errors';
import type { ConnectionTestResult } from '@shared/models/sql';
import type { ApiError } from '@renderer/api/api-error';
import { AlertIcon, CheckIcon } from '@renderer/components/icons';

/** Titles and hints per error code: the message says what happened, the hint what to check. */
const FAILURES: Partial<Record<ErrorCode, { title: string; hint: string }>> = {
  UNREACHABLE: {
    title: 'Cannot reach the server',
    hint: 'Check the host, the port and any firewall in between.',
  },
  AUTH_FAILED: {
    title: 'Access denied',
    hint: 'MySQL users are tied to the hosts they may connect from; check that this one may connect from here.',
  },
  UNKNOWN_DATABASE: { title: 'Unknown database', hint: '' },
  TLS_FAILED: {
    title: 'TLS handshake failed',
    hint: 'Turn TLS off for a server without it, or check its certificate.',
  },
  CONNECTION_LOST: { title: 'Connection lost', hint: '' },
  TIMEOUT: {
    title: 'Timed out',
    hint: 'Check that the server is reachable from this network (VPN, security group).',
  },
  SSH_FAILED: {
    title: 'SSH tunnel failed',
    hint: 'The database host and port are resolved by the bastion, not by this computer.',
  },
};

/** The test ran without a saved secret because the profile now points elsewhere (see credential-merge.ts). */
const WITHHELD: Record<string, { title: string; hint: string }> = {
  password: {
    title: 'Enter the password again',
    hint: 'A saved password is only sent to the host, port and SSH bastion it was saved for.',
  },
  sshPassphrase: {
    title: 'Enter the key’s passphrase again',
    hint: 'A saved passphrase is only used with the SSH bastion it was saved for.',
  },
};

export function TestResult({ result, error }: { result?: ConnectionTestResult; error: ApiError | null }) {
  if (error) {
    const withheld = String(error.details?.['withheld'] ?? '');
    const failure = WITHHELD[withheld] ?? FAILURES[error.code] ?? { title: 'Connection failed', hint: '' };
    return (
      <Alert
        color="red"
        variant="light"
        title={failure.title}
        icon={<AlertIcon />}
        data-testid="test-result"
        data-state="error"
        data-code={error.code}
        data-withheld={withheld || undefined}
      >
        <Text size="sm">{error.message}</Text>
        {failure.hint && (
          <Text size="xs" c="dimmed" mt={4}>
            {failure.hint}
          </Text>
        )}
      </Alert>
    );
  }
  if (!result) return null;
  return (
    <Alert
      color="green"
      variant="light"
      title="Connection OK"
      icon={<CheckIcon />}
      data-testid="test-result"
      data-state="success"
    >
      <Text size="sm">
        {result.serverVersion} · {Math.round(result.latencyMs)} ms{result.tls ? ' · TLS' : ''}
      </Text>
    </Alert>
  );
}
