import { useProfiles } from '@renderer/api/use-profiles';
import { ProfilesEmptyState } from '@renderer/features/profiles/profiles-empty-state';
import { useWorkspaceTabs } from '@renderer/stores/workspace-tabs-store';
import { NoTabsState } from './no-tabs-state';
import { StorageWarning } from './storage-warning';
import { Workspace } from './workspace';

export function MainArea() {
  const profiles = useProfiles();
  const hasTabs = useWorkspaceTabs((s) => s.tabs.length > 0);
  const count = profiles.data?.profiles.length ?? 0;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <StorageWarning
        title="Saved connections were reset"
        message={profiles.data?.warning}
        testId="profiles-warning"
      />
      <StorageWarning
        title="Saved passwords were reset"
        message={profiles.data?.secretsWarning}
        testId="secrets-warning"
      />
      <div style={{ flex: 1, minHeight: 0 }}>
        {hasTabs ? (
          <Workspace />
        ) : (
          profiles.isSuccess && (count === 0 ? <ProfilesEmptyState /> : <NoTabsState />)
        )}
      </div>
    </div>
  );
}
