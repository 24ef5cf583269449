import { Alert, Button, Code, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ReplicationNode } from '@shared/models/replication';
import type { ApiError } from '@renderer/api/api-error';
import { useProfiles } from '@renderer/api/use-profiles';
import { useProfileEditor } from '@renderer/stores/profile-editor-store';

interface ConnectPeerDialogProps {
  node: ReplicationNode;
  busy: boolean;
  error: ApiError | null;
  onAttach: (profileId: string) => void;
  onClose: () => void;
}

/**
 * A peer the topology found but could not read: pick the saved profile that reaches it, or make one
 * from its address (then come back and pick it).
 */
export function ConnectPeerDialog({ node, busy, error, onAttach, onClose }: ConnectPeerDialogProps) {
  const profiles = useProfiles().data?.profiles ?? [];
  const openNewWith = useProfileEditor((s) => s.openNewWith);
  // The profile on the same address first: most likely the right one. Derived, not initial state:
  // the list may arrive (or gain the connection just made for this peer) after the dialog opens.
  const sameAddress = profiles.find((p) => p.host === node.host && p.port === node.port);
  const [chosen, setChosen] = useState<string | null>(null);
  const profileId = chosen ?? sameAddress?.id ?? null;

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
          This server replicates with the monitored one, at <Code>{`${node.host}:${node.port}`}</Code>, but
          the app has no way in yet. Choose the saved connection to read it with.
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
      </Stack>
    </Modal>
  );
}
