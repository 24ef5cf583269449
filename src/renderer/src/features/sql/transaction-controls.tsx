import { Badge, Button, Group, Switch, Tooltip } from '@mantine/core';
import type { LiveSession } from './use-live-session';

/**
 * Auto-commit on or off; in manual mode Commit and Rollback, and a badge while a transaction is open
 * (writes not yet committed, locks held).
 */
export function TransactionControls({ live, disabled }: { live: LiveSession; disabled: boolean }) {
  const autocommit = live.session?.autocommit !== false;
  const inTransaction = live.session?.inTransaction === true;
  const busy = live.commandBusy || disabled;
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip
        label={autocommit ? 'Each statement is committed at once' : 'Changes wait for Commit or Rollback'}
        openDelay={400}
      >
        <Switch
          size="xs"
          label="Auto-commit"
          checked={autocommit}
          disabled={busy}
          onChange={(e) => live.command(e.currentTarget.checked ? 'autocommit-on' : 'autocommit-off')}
          data-testid="autocommit-switch"
          styles={{ label: { paddingInlineStart: 6, whiteSpace: 'nowrap' } }}
        />
      </Tooltip>
      {!autocommit && (
        <>
          <Button
            size="compact-xs"
            variant="default"
            disabled={busy}
            onClick={() => live.command('commit')}
            data-testid="commit-button"
          >
            Commit
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            disabled={busy}
            onClick={() => live.command('rollback')}
            data-testid="rollback-button"
          >
            Rollback
          </Button>
        </>
      )}
      {inTransaction && (
        <Badge size="sm" color="orange" variant="light" tt="none" data-testid="transaction-open">
          transaction open
        </Badge>
      )}
    </Group>
  );
}
