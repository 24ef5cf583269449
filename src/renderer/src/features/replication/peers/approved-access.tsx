import { Button, Code, Stack, Text } from '@mantine/core';
import type { ReplicationNode } from '@shared/models/replication';
import { useProfiles } from '@renderer/api/use-profiles';
import { useRevokeApproval } from './use-peer-approvals';

/** On a node read with a login the user allowed on its address: whose, and a way to take it back. */
export function ApprovedAccess({ node, onRevoked }: { node: ReplicationNode; onRevoked: () => void }) {
  const profiles = useProfiles().data?.profiles ?? [];
  const revoke = useRevokeApproval(onRevoked);
  const { access } = node;
  if (access.kind !== 'inherited' || access.grant !== 'approved') return null;
  const name = profiles.find((p) => p.id === access.fromProfileId)?.name ?? 'a saved connection';
  const address = `${node.host}:${node.port}`;
  return (
    <Stack gap={4} align="flex-start" px="sm" py={6} data-testid="node-approved-access">
      <Text size="xs">
        Read with {name}’s login, which you allowed on <Code>{address}</Code>.
      </Text>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        loading={revoke.isPending}
        onClick={() => revoke.mutate({ profileId: access.fromProfileId, host: node.host, port: node.port })}
        data-testid="node-revoke-approval"
      >
        Revoke this approval
      </Button>
    </Stack>
  );
}
