import { Badge, Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import type { ConnectionProfile } from '@shared/models/profile';
import { ColorDot } from '@renderer/components/color-dot';
import { LockIcon, PlayIcon } from '@renderer/components/icons';
import { RUN_SHORTCUT } from './shortcut';
import type { SessionState } from './use-sql-session';
import frame from '@renderer/components/workspace-tab.module.css';
import classes from './sql-tab.module.css';

interface SqlToolbarProps {
  profile: ConnectionProfile | undefined;
  session: SessionState;
  running: boolean;
  onRun: () => void;
}

function SessionLabel({ session }: { session: SessionState }) {
  switch (session.status) {
    case 'opening':
      return (
        <Group gap={6}>
          <Loader size={10} />
          <Text size="xs" c="dimmed">
            Connecting…
          </Text>
        </Group>
      );
    case 'open':
      return (
        <Text size="xs" c="dimmed" ff="monospace" data-testid="server-version">
          {session.session.serverVersion}
        </Text>
      );
    default:
      return (
        <Text size="xs" c="red">
          Disconnected
        </Text>
      );
  }
}

export function SqlToolbar({ profile, session, running, onRun }: SqlToolbarProps) {
  return (
    <Group className={frame.toolbar} gap="sm" wrap="nowrap">
      <Tooltip label={`Run (${RUN_SHORTCUT})`} openDelay={400}>
        <Button
          size="xs"
          leftSection={<PlayIcon size={12} />}
          rightSection={<span className={classes.shortcut}>{RUN_SHORTCUT}</span>}
          onClick={onRun}
          loading={running}
          disabled={session.status !== 'open'}
          data-testid="run-button"
        >
          Run
        </Button>
      </Tooltip>
      <div className={classes.separator} />
      {profile && (
        <Group gap={6} wrap="nowrap" miw={0}>
          <ColorDot color={profile.color} />
          <Text size="sm" fw={500} truncate data-testid="tab-connection-name">
            {profile.name}
          </Text>
          {profile.readOnly && (
            <Badge size="xs" variant="light" color="gray" leftSection={<LockIcon size={10} />} tt="none">
              read-only
            </Badge>
          )}
        </Group>
      )}
      <SessionLabel session={session} />
    </Group>
  );
}
