import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConnectionProfile } from '@shared/models/profile';
import type { RdsInstance } from '@shared/models/rds';
import type { ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { queryKeys } from '@renderer/api/query-keys';
import { useProfileEditor } from '@renderer/stores/profile-editor-store';
import { useWorkspaceTabs } from '@renderer/stores/workspace-tabs-store';

/** A profile that takes its password from the keychain but has none saved yet must ask for it. */
export function needsPassword(profile: ConnectionProfile): boolean {
  return (profile.credentials?.source ?? 'password') === 'password' && !profile.hasPassword;
}

/**
 * Connect on an instance: main opens or creates the profile linked to it (endpoint, engine, the
 * master secret or IAM auth), then a SQL tab opens on it, or the profile form when a password is needed.
 */
export function useConnectInstance(awsProfile: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const openSqlTab = useWorkspaceTabs((s) => s.openSqlTab);
  const openEdit = useProfileEditor((s) => s.openEdit);
  return useMutation<ConnectionProfile, ApiError, RdsInstance>({
    mutationFn: (i) => api.call('rds.connectionProfile', { profile: awsProfile, region: i.region, id: i.id }),
    onSuccess: async (profile) => {
      // The SQL tab reads its profile from the list: have it there before the tab opens.
      await queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
      if (needsPassword(profile)) openEdit(profile, { openTabAfterSave: true });
      else openSqlTab(profile.id, profile.name);
    },
    onError: (err, i) =>
      notifications.show({
        color: 'red',
        title: `Could not connect to ${i.id}`,
        message: `${err.code}: ${err.message}`,
      }),
  });
}
