import { Button, Code, Divider, Group, Stack, Text } from '@mantine/core';
import { usePeerApprovals, useRevokeApproval } from './use-peer-approvals';

/** Every address a profile's login was allowed on, each with a way to take it back. */
export function PeerApprovalsList({ onRevoked }: { onRevoked?: () => void }) {
  const approvals = usePeerApprovals().data?.approvals ?? [];
  const revoke = useRevokeApproval(onRevoked);
  if (approvals.length === 0) return null;
  return (
    <Stack gap={4} data-testid="peer-approvals">
      <Divider mb={4} />
      <Text size="xs" fw={600}>
        Logins you allowed on other addresses
      </Text>
      {approvals.map((a) => (
        <Group
          key={`${a.profileId}/${a.host}:${a.port}`}
          justify="space-between"
          gap="xs"
          wrap="nowrap"
          data-testid="peer-approval"
          data-address={`${a.host}:${a.port}`}
        >
          <Text size="xs" truncate>
            {a.profileName} on <Code>{`${a.host}:${a.port}`}</Code>
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            loading={
              revoke.isPending && revoke.variables?.host === a.host && revoke.variables.port === a.port
            }
            onClick={() => revoke.mutate({ profileId: a.profileId, host: a.host, port: a.port })}
            data-testid="peer-approval-revoke"
          >
            Revoke
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
