import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { toApiError } from '@renderer/api/api-error';
import { useLabAwsRefresh } from '@renderer/api/use-aws';
import { queryKeys } from '@renderer/api/query-keys';
import { SectionTitle } from '@renderer/components/section-title';
import { DatabaseIcon } from '@renderer/components/icons';
import { KeyIcon, RefreshIcon, ServerIcon } from '@renderer/components/toolbar-icons';
import { useWorkspaceTabs } from '@renderer/stores/workspace-tabs-store';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { ToolbarIconButton } from '@renderer/components/toolbar-icon-button';
import { AwsProfileSelect } from './aws-profile-select';
import { CallerIdentity } from './caller-identity';
import { ConfigProblems } from './config-problems';
import { ProfileKindBadge } from './profile-kind-badge';
import { RegionPicker } from './region-picker';
import { useAwsSelection } from '@renderer/api/use-aws-selection';

/** The sidebar's AWS part: profile, regions, who the credentials belong to, and the way into RDS. */
export function AwsSection() {
  useLabAwsRefresh();
  const queryClient = useQueryClient();
  const openRdsTab = useWorkspaceTabs((s) => s.openRdsTab);
  const openSecretsTab = useWorkspaceTabs((s) => s.openSecretsTab);
  const openDynamoTab = useWorkspaceTabs((s) => s.openDynamoTab);
  const { list, listError, profile, regions, regionOptions, setProfile, setRegions } = useAwsSelection();
  const noTarget = !profile || regions.length === 0;

  return (
    <Stack gap={8} px="sm" pt={6} pb="sm" data-testid="aws-panel" data-profile={profile?.name}>
      <Group justify="space-between" wrap="nowrap">
        <SectionTitle>AWS</SectionTitle>
        <ToolbarIconButton
          tooltip="Reload profiles and identity"
          aria-label="Reload AWS profiles"
          onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.aws })}
          data-testid="aws-reload"
          icon={<RefreshIcon size={14} />}
        />
      </Group>
      {!list && !listError && <Loader size="xs" />}
      {listError && <AwsErrorAlert error={toApiError(listError)} compact />}
      {list && (
        <>
          <AwsProfileSelect profiles={list.profiles} value={profile?.name} onChange={setProfile} />
          {profile && (
            <Group gap={6} wrap="nowrap" mt={-2}>
              <ProfileKindBadge profile={profile} />
              <Text size="xs" c="dimmed" truncate>
                {profile.kind === 'lab' ? profile.endpoint : profile.source}
              </Text>
            </Group>
          )}
          <RegionPicker options={regionOptions} value={regions} onChange={setRegions} />
          {profile && (
            <CallerIdentity
              profile={profile}
              // STS answers the same in every region: ask once, in the profile's own.
              region={profile.region ?? regions[0]}
            />
          )}
          <ConfigProblems problems={list.problems} />
          <Group gap={6} wrap="nowrap">
            <Button
              size="xs"
              variant="light"
              leftSection={<ServerIcon size={14} />}
              disabled={noTarget}
              style={{ flex: 'auto' }}
              onClick={openRdsTab}
              data-testid="open-rds-instances"
            >
              RDS instances
            </Button>
            <Button
              size="xs"
              variant="light"
              leftSection={<KeyIcon size={14} />}
              disabled={noTarget}
              style={{ flex: 'auto' }}
              onClick={openSecretsTab}
              data-testid="open-secrets"
            >
              Secrets
            </Button>
          </Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<DatabaseIcon size={14} />}
            disabled={noTarget}
            onClick={openDynamoTab}
            data-testid="open-dynamo"
          >
            DynamoDB tables
          </Button>
        </>
      )}
    </Stack>
  );
}
