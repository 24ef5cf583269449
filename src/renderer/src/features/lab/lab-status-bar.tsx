import { Button, Group, Text, Tooltip } from '@mantine/core';
import { useLabAction, useLabOverview } from '@renderer/api/use-lab';
import { describeLab, labWarnings } from './lab-status-text';
import { ToneDot } from '@renderer/components/tone-dot';
import classes from './lab-status-bar.module.css';

/** The app's bottom line: the embedded lab's state, its instances and what it is missing. */
export function LabStatusBar() {
  const { data } = useLabOverview();
  const start = useLabAction('lab.start');
  const stop = useLabAction('lab.stop');
  if (!data) return null;
  const { tone, label, detail } = describeLab(data);
  const warnings = labWarnings(data);
  const running = data.status.state !== 'off' && data.status.state !== 'stopped';
  const error = start.error ?? stop.error;
  return (
    <Group
      className={classes.bar}
      gap="sm"
      wrap="nowrap"
      data-testid="lab-status"
      data-lab-state={data.status.state}
    >
      <ToneDot tone={tone} />
      <Text size="xs" fw={600}>
        {label}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed" ff="monospace" truncate>
          {detail}
        </Text>
      )}
      {data.instances.length > 0 && (
        <Text size="xs" c="dimmed" truncate data-testid="lab-instances">
          RDS: {data.instances.map((i) => `${i.id} (${i.status})`).join(', ')}
        </Text>
      )}
      {data.status.dynamodb && (
        <Text size="xs" c="dimmed">
          DynamoDB: {data.status.dynamodb.kind === 'dynamodb-local' ? 'DynamoDB Local' : 'dynalite'}
        </Text>
      )}
      {warnings.map((w) => (
        <Tooltip key={w} label={w} multiline maw={420}>
          <Text size="xs" c="orange.7" truncate maw={360} data-testid="lab-warning">
            {w}
          </Text>
        </Tooltip>
      ))}
      {error && (
        <Text size="xs" c="red.7" truncate>
          {error.message}
        </Text>
      )}
      <Button
        ml="auto"
        size="compact-xs"
        variant="subtle"
        loading={start.isPending || stop.isPending}
        onClick={() => (running ? stop.mutate() : start.mutate())}
        data-testid="lab-toggle"
      >
        {running ? 'Stop lab' : 'Start lab'}
      </Button>
    </Group>
  );
}
