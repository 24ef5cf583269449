import { Alert, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import type { DynamoJobProgress, DynamoThrottleNotice } from '@shared/models/dynamo';
import { AlertIcon, CheckIcon } from '@renderer/components/icons';
import { capacityText } from '../capacity/capacity-text';
import { useDynamoPrices } from '../use-dynamo';
import { throttleText } from './job-view';
import { LineProblems } from './line-problems';

interface ImportStatusProps {
  progress: DynamoJobProgress | null;
  throttled: DynamoThrottleNotice | null;
  region: string;
  unit: 'Line' | 'Row';
}

/** A running import's progress (and throttling), then its report: written, and each rejected item. */
export function ImportStatus({ progress, throttled, region, unit }: ImportStatusProps) {
  const prices = useDynamoPrices().data;
  if (!progress || progress.state === 'running') {
    const done = progress?.processed ?? 0;
    const total = progress?.total ?? 0;
    return (
      <Stack gap={6} data-testid="dynamo-import-progress">
        <Progress value={total ? (done / total) * 100 : 0} animated striped />
        <Text size="sm">
          {done.toLocaleString()}
          {total ? ` of ${total.toLocaleString()}` : ''} items
        </Text>
        {throttled && (
          <Group gap={6} data-testid="dynamo-import-throttled">
            <Loader size={12} color="orange" />
            <Text size="xs" c="orange">
              {throttleText(throttled)}
            </Text>
          </Group>
        )}
      </Stack>
    );
  }
  const report = progress.report;
  const written = report?.written ?? 0;
  const cost = (
    <Text size="xs" c="dimmed" mt={4}>
      Write cost: {capacityText(progress.consumed, region, prices)}
      {progress.retries > 0 && ` · ${progress.retries} calls retried after throttling`}
    </Text>
  );
  if (progress.state === 'failed')
    return (
      <Alert color="red" icon={<AlertIcon />} title="Import failed" data-testid="dynamo-import-failed">
        {progress.error?.message ?? 'The import stopped.'} Items written before it stopped stay in the table
        (BatchWriteItem is not a transaction).
        {cost}
      </Alert>
    );
  if (progress.state === 'cancelled')
    return (
      <Alert color="gray" title="Cancelled" data-testid="dynamo-import-cancelled">
        The import was cancelled after {progress.processed.toLocaleString()} items. Items written before that
        stay in the table (BatchWriteItem is not a transaction).
        {cost}
      </Alert>
    );
  const rejected = report?.rejected ?? [];
  return (
    <Stack gap="xs">
      <Alert
        color={rejected.length ? 'orange' : 'green'}
        icon={rejected.length ? <AlertIcon /> : <CheckIcon />}
        title={
          rejected.length
            ? `${written.toLocaleString()} items imported, ${rejected.length.toLocaleString()} rejected`
            : `${written.toLocaleString()} items imported`
        }
        data-testid="dynamo-import-done"
        data-written={written}
        data-rejected={rejected.length}
      >
        {rejected.length > 0 && (
          <>
            <Text size="sm" mb={6}>
              These were not written; fix them and import just these again:
            </Text>
            <LineProblems problems={rejected} testId="dynamo-import-rejected-row" unit={unit} />
          </>
        )}
        {cost}
      </Alert>
    </Stack>
  );
}
