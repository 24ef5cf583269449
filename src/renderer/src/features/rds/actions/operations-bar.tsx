import { CloseButton, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { AlertIcon, CheckIcon } from '@renderer/components/icons';
import { ACTION_TEXT } from './action-kinds';
import { OperationWatcher } from './operation-watcher';
import { useOperations, type Operation } from './operations-store';
import classes from './operations-bar.module.css';

function elapsed(op: Operation, now: number): string {
  const seconds = Math.max(0, Math.round(((op.finishedAt ?? now) - op.startedAt) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

function OperationRow({ op, now, onDismiss }: { op: Operation; now: number; onDismiss: () => void }) {
  const icon =
    op.state === 'running' ? (
      <Loader size={12} />
    ) : op.state === 'done' ? (
      <CheckIcon size={14} color="var(--mantine-color-green-6)" />
    ) : (
      <AlertIcon size={14} color="var(--mantine-color-red-6)" />
    );
  return (
    <Group
      className={classes.row}
      gap={8}
      wrap="nowrap"
      data-testid="rds-operation"
      data-op-state={op.state}
      data-kind={op.kind}
      data-instance-id={op.instanceId}
      data-status={op.status}
    >
      <span className={classes.icon}>{icon}</span>
      <Text size="sm" fw={500} span>
        {ACTION_TEXT[op.kind].title}
      </Text>
      <Text size="sm" ff="monospace" span truncate>
        {op.snapshotId ?? op.instanceId}
      </Text>
      <Text size="xs" c="dimmed" span>
        {op.region}
      </Text>
      <Text size="sm" span c={op.state === 'failed' ? 'red.7' : undefined} data-testid="rds-operation-status">
        {op.status}
      </Text>
      {op.message && (
        <Text size="xs" c={op.state === 'failed' ? 'red.7' : 'orange.7'} span truncate title={op.message}>
          {op.message}
        </Text>
      )}
      <Text size="xs" c="dimmed" span ml="auto" className={classes.time}>
        {elapsed(op, now)}
      </Text>
      <CloseButton size="sm" aria-label="Dismiss" onClick={onDismiss} disabled={op.state === 'running'} />
    </Group>
  );
}

/** The actions sent from this tab and their live status, until dismissed. */
export function OperationsBar({ profile }: { profile: string }) {
  const all = useOperations((s) => s.operations);
  const dismiss = useOperations((s) => s.dismiss);
  const operations = all.filter((o) => o.profile === profile);
  const running = operations.filter((o) => o.state === 'running');
  const now = useNow(running.length > 0);
  if (operations.length === 0) return null;
  return (
    <Stack gap={0} className={classes.bar} data-testid="rds-operations">
      {running.map((op) => (
        <OperationWatcher key={op.key} op={op} />
      ))}
      {operations.map((op) => (
        <OperationRow key={op.key} op={op} now={now} onDismiss={() => dismiss(op.key)} />
      ))}
    </Stack>
  );
}
