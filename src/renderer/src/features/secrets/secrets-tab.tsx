import { Center, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { useAwsSelection } from '@renderer/api/use-aws-selection';
import { LabOffState } from '@renderer/components/lab-off-state';
import { LockIcon } from '@renderer/components/icons';
import { KeyIcon, RefreshIcon, SearchIcon } from '@renderer/components/toolbar-icons';
import { filterSecrets } from './filter-secrets';
import { SecretsTable } from './secrets-table';
import { useSecrets } from '@renderer/api/use-secrets';
import frame from '@renderer/components/workspace-tab.module.css';
import panels from '@renderer/components/panel.module.css';
import { ToolbarIconButton } from '@renderer/components/toolbar-icon-button';
import { CenteredEmptyState } from '@renderer/components/empty-state';
import classes from './secrets.module.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Secrets Manager secrets of the sidebar's profile and regions: metadata only, never values. */
export function SecretsTab() {
  const { profile, regions } = useAwsSelection();
  const labOff = profile?.kind === 'lab' && !profile.running;
  const listing = useSecrets(profile && !labOff ? profile.name : null, regions);
  const [search, setSearch] = useState('');
  const shown = useMemo(() => filterSecrets(listing.secrets, search), [listing.secrets, search]);
  const state = labOff ? 'lab-off' : listing.pending ? 'loading' : 'ready';

  function body() {
    if (labOff) return <LabOffState />;
    if (listing.pending) {
      return (
        <Center h="100%">
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Listing secrets in {regions.join(', ')}…
            </Text>
          </Group>
        </Center>
      );
    }
    if (listing.secrets.length === 0) {
      return listing.failures.length > 0 ? null : (
        <CenteredEmptyState
          data-testid="secrets-empty"
          icon={<KeyIcon size={26} />}
          title={`No secrets in ${regions.join(', ')}`}
          description="This profile sees no Secrets Manager secrets in the chosen regions."
        />
      );
    }
    if (shown.length === 0) {
      return (
        <Text size="sm" c="dimmed" p="md" data-testid="secrets-no-match">
          No secret matches “{search}”.
        </Text>
      );
    }
    return <SecretsTable secrets={shown} showRegion={regions.length > 1} />;
  }

  return (
    <div className={frame.tab} data-testid="secrets-tab" data-state={state} data-profile={profile?.name}>
      <Group
        className={`${panels.toolbar} ${classes.toolbar}`}
        justify="space-between"
        wrap="nowrap"
        gap="sm"
      >
        <Group gap="sm" wrap="nowrap">
          <TextInput
            size="xs"
            w={260}
            placeholder="Search name, description, owner"
            leftSection={<SearchIcon size={14} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-testid="secrets-search"
          />
          <Text size="xs" c="dimmed">
            {listing.pending
              ? ''
              : shown.length === listing.secrets.length
                ? `${plural(listing.secrets.length, 'secret')} · ${plural(regions.length, 'region')}`
                : `${shown.length} of ${plural(listing.secrets.length, 'secret')}`}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Group gap={4} wrap="nowrap" data-testid="secrets-values-note">
            <LockIcon size={13} />
            <Text size="xs" c="dimmed">
              Values stay in the main process
            </Text>
          </Group>
          <ToolbarIconButton
            tooltip="Refresh"
            aria-label="Refresh secrets"
            loading={listing.fetching}
            onClick={listing.refetch}
            data-testid="secrets-refresh"
            icon={<RefreshIcon size={14} />}
          />
        </Group>
      </Group>
      {listing.failures.length > 0 && (
        <Stack gap={4} p={6} style={{ flex: 'none' }}>
          {listing.failures.map(({ region, error }) => (
            <div key={region} data-region={region}>
              <AwsErrorAlert
                error={error}
                compact
                title={`Secrets in ${region} could not be listed`}
                testId="secrets-region-error"
              />
            </div>
          ))}
        </Stack>
      )}
      <div className={classes.content}>{body()}</div>
    </div>
  );
}
