import { Alert, Button, Code, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ReplicationNode } from '@shared/models/replication';
import type { ApiError } from '@renderer/api/api-error';
import { useProfiles } from '@renderer/api/use-profiles';
import { useProfileEditor } from '@renderer/stores/profile-editor-store';
import { PeerApprovalsList } from './peer-approvals-list';

interface ConnectPeerDialogProps {
  node: ReplicationNode;
  busy: boolean;
  error: ApiError | null;
  onAttach: (profileId: string) => void;
  /** "Use <profile>'s credentials on host:port": the user allows that login on the node's address. */
  onApprove: (profileId: string) => void;
  /** An approval was revoked: the view reads the topology again. */
  onRevoked: () => void;
  onClose: () => void;
}

/**
 * A peer the topology found but could not read: pick the saved profile that reaches it, make one
 * from its address (then come back and pick it), or allow a profile's login on its address. The app
 * never sends credentials to a peer on its own: the address comes from another server's report.
 */
export function ConnectPeerDialog({
  node,
  busy,
  error,
  onAttach,
  onApprove,
  onRevoked,
  onClose,
}: ConnectPeerDialogProps) {
  const profiles = useProfiles().data?.profiles ?? [];
  const openNewWith = useProfileEditor((s) => s.openNewWith);
  // The profile on the same address first: most likely the right one. Derived, not initial state:
  // the list may arrive (or gain the connection just made for this peer) after the dialog opens.
  const sameAddress = profiles.find((p) => p.host === node.host && p.port === node.port);
  const [chosen, setChosen] = useState<string | null>(null);
  const profileId = chosen ?? sameAddress?.id ?? null;
  const profile = profiles.find((p) => p.id === profileId);
  const address = `${node.host}:${node.port}`;
  // A profile for another address connects there; its login on this address needs the user's say.
  const canApprove = profile !== undefined && node.port !== 0 && profile.id !== sameAddress?.id;

  return (
    <Modal
      opened
      onClose={onClose}
      title={`Connect to ${node.label}`}
      size="md"
      centered
      data-testid="connect-peer"
    >
      <Stack gap="sm">
        <Text size="sm">
          This server replicates with the monitored one, at <Code>{address}</Code>. The app sends no
          credentials to a server another one merely names. Choose the saved connection to read it with.
        </Text>
        <Select
          label="Saved connection"
          placeholder={profiles.length === 0 ? 'No saved connections' : 'Choose a connection'}
          data={profiles.map((p) => ({ value: p.id, label: `${p.name} (${p.user}@${p.host}:${p.port})` }))}
          value={profileId}
          onChange={setChosen}
          searchable
          disabled={profiles.length === 0}
          comboboxProps={{ withinPortal: true }}
          data-testid="peer-profile"
        />
        {canApprove && (
          <Alert color="yellow" variant="light" title={`Or log in to ${address} as ${profile.name}`}>
            <Stack gap={6}>
              <Text size="xs" data-testid="peer-approve-explanation">
                This sends {profile.name}’s user <Code>{profile.user}</Code>, its password (or AWS
                credentials), TLS setting and SSH bastion to <Code>{address}</Code> instead of{' '}
                <Code>{`${profile.host}:${profile.port}`}</Code>. That address was reported by another server:
                anyone allowed to register a replica can make any address appear here. Allow it only for a
                server you know. It is remembered for {profile.name} until you revoke it.
              </Text>
              <Group justify="flex-end">
                <Button
                  size="xs"
                  variant="light"
                  color="yellow"
                  loading={busy}
                  onClick={() => onApprove(profile.id)}
                  data-testid="peer-approve"
                >
                  Use {profile.name}’s credentials on {address}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {error && (
          <Alert color="red" variant="light" title={`Could not connect (${error.code})`}>
            {error.message}
          </Alert>
        )}
        <Group justify="space-between" gap="xs">
          <Button
            variant="subtle"
            size="sm"
            onClick={() => {
              openNewWith({ name: node.label, host: node.host, port: node.port });
              onClose();
            }}
            data-testid="peer-new-profile"
          >
            New connection for {node.host}:{node.port}…
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              disabled={!profileId}
              loading={busy}
              onClick={() => profileId && onAttach(profileId)}
              data-testid="peer-attach"
            >
              Connect
            </Button>
          </Group>
        </Group>
        <PeerApprovalsList onRevoked={onRevoked} />
      </Stack>
    </Modal>
  );
}
