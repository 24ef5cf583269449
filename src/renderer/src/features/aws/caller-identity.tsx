import { ActionIcon, CopyButton, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import type { AwsProfile } from '@shared/models/aws';
import { toApiError } from '@renderer/api/api-error';
import { useAwsIdentity } from '@renderer/api/use-aws';
import { CheckIcon } from '@renderer/components/icons';
import { CopyIcon } from '@renderer/components/toolbar-icons';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { LabNotRunning } from './lab-not-running';

function CopyValue({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label} withArrow openDelay={300}>
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            size="xs"
            onClick={copy}
            aria-label={label}
          >
            {copied ? <CheckIcon size={12} /> : <CopyIcon size={12} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** STS GetCallerIdentity for the chosen profile: the account and the principal's ARN. */
export function CallerIdentity({ profile, region }: { profile: AwsProfile; region: string | undefined }) {
  const lab = profile.kind === 'lab';
  const identity = useAwsIdentity(lab && !profile.running ? null : profile.name, region);
  if (lab && !profile.running) return <LabNotRunning />;
  if (identity.isPending) {
    return (
      <Group gap={6} data-testid="aws-identity" data-state="loading">
        <Loader size={10} />
        <Text size="xs" c="dimmed">
          Checking credentials…
        </Text>
      </Group>
    );
  }
  if (identity.error) return <AwsErrorAlert error={toApiError(identity.error)} compact />;
  const { account, arn } = identity.data;
  return (
    <Stack gap={0} data-testid="aws-identity" data-state="ok" data-account={account}>
      <Group gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed" w={52}>
          Account
        </Text>
        <Text size="xs" ff="monospace" data-testid="aws-account">
          {account}
        </Text>
        <CopyValue value={account} label="Copy account ID" />
      </Group>
      <Group gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed" w={52} style={{ flex: 'none' }}>
          ARN
        </Text>
        <Tooltip label={arn} openDelay={300} multiline maw={360} style={{ wordBreak: 'break-all' }}>
          <Text
            size="xs"
            ff="monospace"
            truncate="start"
            style={{ minWidth: 0, flex: 1 }}
            data-testid="aws-arn"
          >
            {arn}
          </Text>
        </Tooltip>
        <CopyValue value={arn} label="Copy ARN" />
      </Group>
    </Stack>
  );
}
