import { Button, Group, Loader, Text } from '@mantine/core';
import { useLabAction, useLabOverview } from '@renderer/api/use-lab';

/** The lab profile answers only while the lab runs: say so, and offer to start it. */
export function LabNotRunning() {
  const state = useLabOverview().data?.status.state;
  const start = useLabAction('lab.start');
  if (state === 'starting' || state === 'seeding' || start.isPending) {
    return (
      <Group gap={6} wrap="nowrap" data-testid="lab-not-running" data-lab-state={state}>
        <Loader size={10} />
        <Text size="xs" c="dimmed">
          The local lab is starting…
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" justify="space-between" data-testid="lab-not-running" data-lab-state={state}>
      <Text size="xs" c={state === 'failed' ? 'red' : 'dimmed'}>
        {state === 'failed' ? 'The local lab failed to start.' : 'The local lab is off.'}
      </Text>
      <Button size="compact-xs" variant="light" onClick={() => start.mutate()}>
        Start lab
      </Button>
    </Group>
  );
}
