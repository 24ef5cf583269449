import { Button, Group, NumberInput, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { ReplicationSnapshot } from '@shared/models/replication';
import type { ApiError } from '@renderer/api/api-error';
import { RefreshIcon } from '@renderer/components/toolbar-icons';
import { HeartbeatPopover, type HeartbeatChoice } from './heartbeat/heartbeat-popover';
import { formatDuration } from './replication-format';
import type { PermissionState } from './use-notification-permission';
import frame from '@renderer/components/workspace-tab.module.css';
import { ToolbarIconButton } from '@renderer/components/toolbar-icon-button';

interface ReplicationToolbarProps {
  snapshot: ReplicationSnapshot;
  summary: string;
  fetching: boolean;
  paused: boolean;
  permission: PermissionState;
  configuring: boolean;
  heartbeatError: ApiError | null;
  onRefresh: () => void;
  onThreshold: (seconds: number) => void;
  onHeartbeat: (choice: HeartbeatChoice, done: () => void) => void;
  onAskPermission: () => void;
  onCheck: () => void;
}

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Summary, threshold, heartbeat, desktop alerts, consistency check; the refresh time kept small. */
export function ReplicationToolbar(p: ReplicationToolbarProps) {
  const { snapshot } = p;
  // What the user is typing; null shows the monitor's value.
  const [draft, setDraft] = useState<number | string | null>(null);
  const commit = () => {
    const value = draft === null ? snapshot.lagThresholdSeconds : Number(draft);
    if (draft !== '' && Number.isFinite(value) && value >= 0 && value !== snapshot.lagThresholdSeconds)
      p.onThreshold(value);
    setDraft(null);
  };

  return (
    <Group className={frame.toolbar} gap="sm" wrap="nowrap">
      <Text size="sm" fw={500} truncate data-testid="replication-summary">
        {p.summary}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="refresh-time">
        {p.paused ? 'paused · ' : ''}read in {formatDuration(snapshot.refreshMs)} at{' '}
        {time.format(new Date(snapshot.takenAt))}
      </Text>
      <Group gap="xs" wrap="nowrap" ml="auto">
        <NumberInput
          size="xs"
          w={150}
          min={0}
          max={86_400}
          leftSection={
            <Text size="xs" c="dimmed" pl={6}>
              Lag alert
            </Text>
          }
          leftSectionWidth={62}
          rightSection={
            <Text size="xs" c="dimmed">
              s
            </Text>
          }
          value={draft ?? snapshot.lagThresholdSeconds}
          onChange={setDraft}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
          disabled={p.configuring}
          aria-label="Lag threshold in seconds"
          data-testid="lag-threshold"
        />
        <HeartbeatPopover
          heartbeat={snapshot.heartbeat}
          busy={p.configuring}
          error={p.heartbeatError}
          onApply={p.onHeartbeat}
        />
        {p.permission === 'default' && (
          <Tooltip label="Notify on the desktop when a node's health changes" openDelay={300}>
            <Button size="xs" variant="default" onClick={p.onAskPermission} data-testid="ask-notifications">
              Desktop alerts…
            </Button>
          </Tooltip>
        )}
        <Button size="xs" variant="default" onClick={p.onCheck} data-testid="open-check">
          Consistency check…
        </Button>
        <ToolbarIconButton
          tooltip="Read every node now"
          size="md"
          onClick={p.onRefresh}
          loading={p.fetching}
          aria-label="Refresh"
          data-testid="replication-refresh"
          icon={<RefreshIcon size={15} />}
        />
      </Group>
    </Group>
  );
}
