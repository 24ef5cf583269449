import { ActionIcon, Badge, Button, Group, Loader, Menu, Text, Tooltip } from '@mantine/core';
import type { ConnectionProfile } from '@shared/models/profile';
import { ColorDot } from '@renderer/components/color-dot';
import { DatabaseIcon, LockIcon, PlayIcon } from '@renderer/components/icons';
import { ChevronDownIcon } from '@renderer/components/toolbar-icons';
import type { RunMode } from './run-target';
import { RUN_SCRIPT_SHORTCUT, RUN_SHORTCUT, FORMAT_SHORTCUT } from '@renderer/components/shortcut';
import { FormatIcon, HistoryIcon, StopIcon } from './sql-icons';
import { TransactionControls } from './transaction-controls';
import type { LiveSession } from './use-live-session';
import type { SessionState } from './use-sql-session';
import frame from '@renderer/components/workspace-tab.module.css';
import classes from './sql-tab.module.css';

interface SqlToolbarProps {
  profile: ConnectionProfile | undefined;
  session: SessionState;
  live: LiveSession;
  running: boolean;
  onRun: (mode: RunMode) => void;
  onCancel: () => void;
  onFormat: () => void;
  sidePanelOpen: boolean;
  onToggleSidePanel: () => void;
}

function SessionLabel({ session, live }: { session: SessionState; live: LiveSession }) {
  if (session.status === 'opening')
    return (
      <Group gap={6} wrap="nowrap">
        <Loader size={10} />
        <Text size="xs" c="dimmed">
          Connecting…
        </Text>
      </Group>
    );
  if (session.status !== 'open')
    return (
      <Text size="xs" c="red">
        Disconnected
      </Text>
    );
  const database = live.session?.database ?? session.session.database ?? null;
  return (
    <Group gap="sm" wrap="nowrap" miw={0}>
      <Tooltip label="Current database (change it with USE)" openDelay={400}>
        <Group gap={4} wrap="nowrap" c={database ? undefined : 'dimmed'} data-testid="current-database">
          <DatabaseIcon size={12} />
          <Text size="xs" ff="monospace" truncate>
            {database ?? 'no database'}
          </Text>
        </Group>
      </Tooltip>
      <Text size="xs" c="dimmed" ff="monospace" truncate data-testid="server-version">
        {session.session.serverVersion}
      </Text>
    </Group>
  );
}

function EnvironmentBadge({ profile }: { profile: ConnectionProfile }) {
  if (profile.environment === 'production')
    return (
      <Badge size="sm" color="red" variant="filled" data-testid="environment-badge">
        production
      </Badge>
    );
  if (profile.environment === 'staging')
    return (
      <Badge size="sm" color="yellow" variant="light" data-testid="environment-badge">
        staging
      </Badge>
    );
  return null;
}

export function SqlToolbar(props: SqlToolbarProps) {
  const { profile, session, live, running, onRun, onCancel, onFormat, sidePanelOpen, onToggleSidePanel } =
    props;
  const open = session.status === 'open';
  return (
    <Group className={frame.toolbar} gap="sm" wrap="nowrap">
      <Button.Group>
        <Tooltip
          label={`Run the statement at the cursor, or the selection (${RUN_SHORTCUT})`}
          openDelay={400}
        >
          <Button
            size="xs"
            leftSection={<PlayIcon size={12} />}
            rightSection={<span className={classes.shortcut}>{RUN_SHORTCUT}</span>}
            onClick={() => onRun('current')}
            loading={running}
            disabled={!open}
            data-testid="run-button"
          >
            Run
          </Button>
        </Tooltip>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              px={6}
              disabled={!open || running}
              aria-label="More ways to run"
              data-testid="run-menu"
            >
              <ChevronDownIcon size={12} />
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item rightSection={<Kbd>{RUN_SHORTCUT}</Kbd>} onClick={() => onRun('current')}>
              Run statement or selection
            </Menu.Item>
            <Menu.Item
              rightSection={<Kbd>{RUN_SCRIPT_SHORTCUT}</Kbd>}
              onClick={() => onRun('script')}
              data-testid="run-script"
            >
              Run script
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Button.Group>
      {running && (
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<StopIcon size={10} />}
          onClick={onCancel}
          data-testid="cancel-run"
        >
          Cancel
        </Button>
      )}
      <Tooltip label={`Format the selection or the whole text (${FORMAT_SHORTCUT})`} openDelay={400}>
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          leftSection={<FormatIcon size={14} />}
          onClick={onFormat}
          data-testid="format-button"
        >
          Format
        </Button>
      </Tooltip>
      {open && (
        <>
          <div className={classes.separator} />
          <TransactionControls live={live} disabled={running} />
        </>
      )}
      <div className={classes.separator} />
      {profile && (
        <Group gap={6} wrap="nowrap" miw={0}>
          <ColorDot color={profile.color} />
          <Text size="sm" fw={500} truncate data-testid="tab-connection-name">
            {profile.name}
          </Text>
          <EnvironmentBadge profile={profile} />
          {profile.readOnly && (
            <Badge size="xs" variant="light" color="gray" leftSection={<LockIcon size={10} />} tt="none">
              read-only
            </Badge>
          )}
        </Group>
      )}
      <SessionLabel session={session} live={live} />
      <Tooltip
        label={sidePanelOpen ? 'Hide history and saved queries' : 'History and saved queries'}
        openDelay={400}
      >
        <ActionIcon
          ml="auto"
          variant={sidePanelOpen ? 'light' : 'subtle'}
          color={sidePanelOpen ? 'blue' : 'gray'}
          onClick={onToggleSidePanel}
          aria-label="History and saved queries"
          aria-pressed={sidePanelOpen}
          data-testid="toggle-side-panel"
        >
          <HistoryIcon size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function Kbd({ children }: { children: string }) {
  return (
    <Text span size="xs" c="dimmed">
      {children}
    </Text>
  );
}
