import { Alert, Text } from '@mantine/core';
import type { DynamoJobProgress } from '@shared/models/dynamo';
import type { ApiError } from '@renderer/api/api-error';
import { AlertIcon, CheckIcon } from '@renderer/components/icons';
import { formatBytes } from '@renderer/components/format-size';
import { capacityText } from '../capacity/capacity-text';
import { useDynamoPrices } from '../use-dynamo';

interface ExportOutcomeProps {
  progress: DynamoJobProgress;
  fileName: string;
  delivery: 'path' | 'download';
  region: string;
  downloadError: ApiError | null;
}

/** How an export ended: the file and what the scan cost, or why there is no file. */
export function ExportOutcome({ progress, fileName, delivery, region, downloadError }: ExportOutcomeProps) {
  const prices = useDynamoPrices().data;
  if (progress.state === 'cancelled')
    return (
      <Alert color="gray" title="Cancelled" data-testid="dynamo-export-cancelled">
        The export was cancelled after {progress.processed.toLocaleString()} items; no file was written.
      </Alert>
    );
  if (progress.state === 'failed')
    return (
      <Alert color="red" icon={<AlertIcon />} title="Export failed" data-testid="dynamo-export-error">
        {progress.error?.message ?? 'The export stopped.'} No file was written.
      </Alert>
    );
  if (downloadError)
    return (
      <Alert color="red" icon={<AlertIcon />} title="The download failed" data-testid="dynamo-export-error">
        {downloadError.message}
      </Alert>
    );
  const where = delivery === 'path' ? `Saved to ${progress.path ?? fileName}` : `Downloaded as ${fileName}`;
  return (
    <Alert color="green" icon={<CheckIcon />} title="Export finished" data-testid="dynamo-export-done">
      <Text size="sm">
        {progress.processed.toLocaleString()} items, {formatBytes(progress.bytes ?? 0)}. {where}.
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        Read cost: {capacityText(progress.consumed, region, prices)}
        {progress.retries > 0 && ` · ${progress.retries} calls retried after throttling`}
      </Text>
    </Alert>
  );
}
