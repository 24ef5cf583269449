import { Badge, Button, Group, Loader, Text } from '@mantine/core';
import type { TailState } from './use-stream-tail';
import classes from './stream.module.css';

interface StreamToolbarProps {
  state: TailState;
  viewType: string | undefined;
  onStart: () => void;
  onStop: () => void;
  onClear: () => void;
}

const STATUS: Record<TailState['status'], { label: string; color: string }> = {
  idle: { label: 'not tailing', color: 'gray' },
  starting: { label: 'opening the stream…', color: 'blue' },
  running: { label: 'live', color: 'teal' },
  stopping: { label: 'stopping…', color: 'gray' },
  stopped: { label: 'stopped', color: 'gray' },
  failed: { label: 'failed', color: 'red' },
};

/** Start or stop the tail, its state, and how many records it holds. */
export function StreamToolbar({ state, viewType, onStart, onStop, onClear }: StreamToolbarProps) {
  const live = state.status === 'running' || state.status === 'stopping';
  const status = STATUS[state.status];
  return (
    <Group
      className={classes.toolbar}
      gap="sm"
      wrap="nowrap"
      data-testid="stream-status"
      data-status={state.status}
    >
      {live ? (
        <Button
          size="xs"
          variant="default"
          onClick={onStop}
          loading={state.status === 'stopping'}
          data-testid="stream-stop"
        >
          Stop
        </Button>
      ) : (
        <Button size="xs" onClick={onStart} loading={state.status === 'starting'} data-testid="stream-start">
          Start tail
        </Button>
      )}
      <Badge
        size="sm"
        variant="light"
        color={status.color}
        leftSection={state.status === 'running' ? <Loader size={8} type="dots" color="teal" /> : undefined}
      >
        {status.label}
      </Badge>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="stream-count">
        {state.records.length} record{state.records.length === 1 ? '' : 's'}
        {state.status === 'running' && state.shards !== null
          ? ` · ${state.shards} shard${state.shards === 1 ? '' : 's'}`
          : ''}
        {viewType ? ` · ${viewType}` : ''}
      </Text>
      <Button
        ml="auto"
        size="compact-xs"
        variant="subtle"
        color="gray"
        disabled={state.records.length === 0}
        onClick={onClear}
        data-testid="stream-clear"
      >
        Clear
      </Button>
    </Group>
  );
}
