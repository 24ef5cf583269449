import { Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ConnectionProfile } from '@shared/models/profile';
import { useProfiles } from '@renderer/api/use-profiles';
import { PlusIcon } from '@renderer/components/icons';
import { ToolbarIconButton } from '@renderer/components/toolbar-icon-button';
import { useProfileEditor } from '@renderer/stores/profile-editor-store';
import { useWorkspaceTabs } from '@renderer/stores/workspace-tabs-store';
import { DeleteProfileDialog } from './delete-profile-dialog';
import { ProfileListItem } from './profile-list-item';

export function ConnectionsSidebar() {
  const profiles = useProfiles();
  const openNew = useProfileEditor((s) => s.openNew);
  const openEdit = useProfileEditor((s) => s.openEdit);
  const openTab = useWorkspaceTabs((s) => s.openSqlTab);
  const openReplication = useWorkspaceTabs((s) => s.openReplicationTab);
  const activeProfileId = useWorkspaceTabs((s) => {
    const active = s.tabs.find((t) => t.id === s.activeId);
    return active?.kind === 'sql' ? active.profileId : undefined;
  });
  const [toDelete, setToDelete] = useState<ConnectionProfile | null>(null);
  const list = profiles.data?.profiles ?? [];

  return (
    <Stack gap={0} h="100%" data-testid="connections-sidebar">
      <Group justify="space-between" px="sm" py={6} wrap="nowrap">
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
          Connections
        </Text>
        <ToolbarIconButton
          tooltip="Add connection"
          onClick={openNew}
          data-testid="add-profile"
          icon={<PlusIcon size={14} />}
        />
      </Group>
      <ScrollArea style={{ flex: 1 }} px={6} pb={6}>
        {profiles.isPending && <Loader size="xs" m="sm" />}
        {profiles.error && (
          <Text size="sm" c="red" px="xs" data-testid="profiles-error">
            {profiles.error.message}
          </Text>
        )}
        {profiles.isSuccess && list.length === 0 && (
          <Text size="sm" c="dimmed" px="xs" py={4}>
            No connections yet.
          </Text>
        )}
        <Stack gap={1} role="list" aria-label="Connections">
          {list.map((profile) => (
            <div role="listitem" key={profile.id}>
              <ProfileListItem
                profile={profile}
                active={profile.id === activeProfileId}
                onOpen={() => openTab(profile.id, profile.name)}
                onEdit={() => openEdit(profile)}
                onDelete={() => setToDelete(profile)}
                onReplication={() => openReplication(profile.id, profile.name)}
              />
            </div>
          ))}
        </Stack>
      </ScrollArea>
      <DeleteProfileDialog profile={toDelete} onClose={() => setToDelete(null)} />
    </Stack>
  );
}
