import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConnectionProfile } from '@shared/models/profile';
import type { RdsInstance } from '@shared/models/rds';
import type { ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { queryKeys } from '@renderer/api/query-keys';
import { needsPassword } from '@renderer/features/rds/connect/use-connect-instance';
import { useProfileEditor } from '@renderer/stores/profile-editor-store';
import { useWorkspaceTabs } from '@renderer/stores/workspace-tabs-store';

/**
 * "Check replication" on an RDS instance: main opens or creates the profile linked to it (as Connect
 * does), then the replication tab opens on that profile with the instance as its RDS reference.
 */
export function useOpenReplication(awsProfile: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const openReplicationTab = useWorkspaceTabs((s) => s.openReplicationTab);
  const openEdit = useProfileEditor((s) => s.openEdit);
  return useMutation<ConnectionProfile, ApiError, RdsInstance>({
    mutationFn: (i) => api.call('rds.connectionProfile', { profile: awsProfile, region: i.region, id: i.id }),
    onSuccess: async (profile, i) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
      if (needsPassword(profile)) {
        // The monitor would fail without a password: ask for it, then the user opens the tab again.
        openEdit(profile);
        notifications.show({
          color: 'blue',
          title: `${profile.name} needs a password`,
          message: 'Save it, then choose Check replication again.',
        });
        return;
      }
      openReplicationTab(profile.id, profile.name, { profile: awsProfile, region: i.region, id: i.id });
    },
    onError: (err, i) =>
      notifications.show({
        color: 'red',
        title: `Could not check the replication of ${i.id}`,
        message: `${err.code}: ${err.message}`,
      }),
  });
}
