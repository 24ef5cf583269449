import { Button, Group, Text } from '@mantine/core';
import { ToneDot, type Tone } from '@renderer/components/tone-dot';
import type { TailState } from './use-stream-tail';
import panels from '@renderer/components/panel.module.css';
import classes from './stream.module.css';

interface StreamToolbarProps {
  state: TailState;
  viewType: string | undefined;
  onStart: () => void;
  onStop: () => void;
  onClear: () => void;
}

const STATUS: Record<TailState['status'], { label: string; tone: Tone }> = {
  idle: { label: 'Not tailing', tone: 'gray' },
  starting: { label: 'Opening the stream…', tone: 'blue' },
  running: { label: 'Live', tone: 'green' },
  stopping: { label: 'Stopping…', tone: 'gray' },
  stopped: { label: 'Stopped', tone: 'gray' },
  failed: { label: 'Failed', tone: 'red' },
};

/** Start or stop the tail, its state, and how many records it holds. */
export function StreamToolbar({ state, viewType, onStart, onStop, onClear }: StreamToolbarProps) {
  const live = state.status === 'running' || state.status === 'stopping';
  const status = STATUS[state.status];
  return (
    <Group
      className={`${panels.toolbar} ${classes.toolbar}`}
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
      <Group gap={6} wrap="nowrap">
        <ToneDot tone={status.tone} pulse={state.status === 'running'} />
        <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {status.label}
        </Text>
      </Group>
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
