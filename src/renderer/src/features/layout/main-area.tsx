import { Alert, Center } from '@mantine/core';
import { useState } from 'react';
import { useProfiles } from '@renderer/api/use-profiles';
import { AlertIcon } from '@renderer/components/icons';
import { ProfilesEmptyState } from '@renderer/features/profiles/profiles-empty-state';
import { useWorkspaceTabs } from '@renderer/stores/workspace-tabs-store';
import { NoTabsState } from './no-tabs-state';
import { Workspace } from './workspace';

export function MainArea() {
  const profiles = useProfiles();
  const hasTabs = useWorkspaceTabs((s) => s.tabs.length > 0);
  const [warningDismissed, setWarningDismissed] = useState(false);
  const warning = profiles.data?.warning;
  const count = profiles.data?.profiles.length ?? 0;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      {warning && !warningDismissed && (
        <Alert
          color="yellow"
          variant="light"
          radius={0}
          icon={<AlertIcon />}
          title="Saved connections were reset"
          withCloseButton
          onClose={() => setWarningDismissed(true)}
          data-testid="profiles-warning"
        >
          {warning}
        </Alert>
      )}
      <div style={{ flex: 1, minHeight: 0 }}>
        {hasTabs ? (
          <Workspace />
        ) : (
          <Center h="100%" p="xl">
            {profiles.isSuccess && count === 0 ? (
              <ProfilesEmptyState />
            ) : (
              profiles.isSuccess && <NoTabsState />
            )}
          </Center>
        )}
      </div>
    </div>
  );
}
