import { Group, Loader, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** While the save dialog is open, before anything is written. */
export function ChoosingWhereToSave() {
  return (
    <Group gap="xs">
      <Loader size="xs" />
      <Text size="sm">Choosing where to save…</Text>
    </Group>
  );
}

interface TransferProgressProps {
  /** 0 to 100; 100 (striped) when the total is not known. */
  percent: number;
  /** What is written so far ("1,200 rows · 3 MB written"). */
  counts: ReactNode;
  testId: string;
  countsTestId?: string;
  /** Notes under the counts (throttling, say). */
  children?: ReactNode;
}

/** An export's running bar and counts. */
export function TransferProgress({ percent, counts, testId, countsTestId, children }: TransferProgressProps) {
  return (
    <Stack gap={6} data-testid={testId}>
      <Progress value={percent} animated striped />
      <Text size="sm" data-testid={countsTestId}>
        {counts}
      </Text>
      {children}
    </Stack>
  );
}
