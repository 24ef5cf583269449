import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import type { DynamoTableDetail } from '@shared/models/dynamo';
import type { FileFormat } from '@shared/models/dynamo-schemas';
import { AlertIcon } from '@renderer/components/icons';
import { JobDialogFooter } from '@renderer/components/job-dialog-footer';
import { ChoosingWhereToSave, TransferProgress } from '@renderer/components/transfer-progress';
import { formatBytes } from '@renderer/components/format-size';
import { useCurrentRequests, tableSlot } from './current-request-store';
import { ExportOutcome } from './export-outcome';
import { DEFAULT_SEGMENTS, describeRequest, resultRequest, segmentsFor, tableScan } from './export-request';
import { EXPORT_NOTES, TRANSFER_FORMATS } from './transfer-formats';
import { useDynamoExport } from './use-dynamo-export';

interface ExportDialogProps {
  profile: string;
  detail: DynamoTableDetail;
  onClose: () => void;
}

/** A table or the current result to a file: format, parallel segments, progress, cancel, the file. */
export function ExportDialog({ profile, detail, onClose }: ExportDialogProps) {
  const current = useCurrentRequests((s) => s.bySlot[tableSlot(profile, detail.region, detail.name)]);
  const [source, setSource] = useState<'table' | 'result'>('table');
  const [format, setFormat] = useState<FileFormat>('jsonl');
  const [segments, setSegments] = useState<number>(DEFAULT_SEGMENTS);
  const exp = useDynamoExport(profile, detail.region);
  const { phase, job, running } = exp;
  const progress = job.progress;
  const request = source === 'result' && current ? resultRequest(current) : tableScan(detail.name);
  const scan = request.mode === 'scan';
  const expected = source === 'table' ? detail.itemCount : undefined;

  const close = (): void => {
    if (!running) onClose();
  };

  return (
    <Modal
      opened
      onClose={close}
      title={`Export ${detail.name}`}
      size="lg"
      data-testid="dynamo-export-dialog"
    >
      <Stack gap="md">
        <Radio.Group
          value={source}
          onChange={(v) => setSource(v as 'table' | 'result')}
          label="What to export"
          size="sm"
        >
          <Stack gap={6} mt={6}>
            <Radio
              value="table"
              disabled={running}
              label={`The whole table (a full scan${expected !== undefined ? `, ~${expected.toLocaleString()} items` : ''})`}
              data-testid="dynamo-export-source-table"
            />
            <Radio
              value="result"
              disabled={running || !current}
              label={
                current
                  ? `The current result: ${describeRequest(current)}`
                  : 'The current result (run a scan or query first)'
              }
              data-testid="dynamo-export-source-result"
            />
          </Stack>
        </Radio.Group>
        <Stack gap={6}>
          <SegmentedControl
            fullWidth
            size="xs"
            value={format}
            onChange={(v) => setFormat(v as FileFormat)}
            disabled={running}
            data={TRANSFER_FORMATS.map((f) => ({ value: f.value, label: f.label }))}
            data-testid="dynamo-export-format"
          />
          <Text size="xs" c="dimmed">
            {EXPORT_NOTES[format]}
          </Text>
        </Stack>
        <Group gap="sm" align="center" wrap="nowrap">
          <NumberInput
            size="xs"
            w={90}
            min={1}
            max={32}
            clampBehavior="strict"
            allowDecimal={false}
            value={scan ? segments : 1}
            disabled={running || !scan}
            onChange={(v) => setSegments(typeof v === 'number' && v >= 1 ? v : 1)}
            aria-label="Parallel segments"
            data-testid="dynamo-export-segments"
          />
          <Text size="xs" c="dimmed">
            {scan
              ? 'parallel scan segments (TotalSegments): more read a big table sooner, and spend its read capacity faster'
              : 'A query reads in key order, in one segment.'}
          </Text>
        </Group>
        {phase.status === 'starting' && <ChoosingWhereToSave />}
        {running && phase.status === 'started' && (
          <TransferProgress
            percent={
              expected ? Math.min(100, ((progress?.processed ?? 0) / Math.max(1, expected)) * 100) : 100
            }
            counts={`${(progress?.processed ?? 0).toLocaleString()} items · ${formatBytes(progress?.bytes ?? 0)} written`}
            testId="dynamo-export-progress"
            countsTestId="dynamo-export-counts"
          >
            {job.throttled && (
              <Text size="xs" c="orange" data-testid="dynamo-export-throttled">
                Throttled, retrying…
              </Text>
            )}
          </TransferProgress>
        )}
        {phase.status === 'started' && progress && progress.state !== 'running' && (
          <ExportOutcome
            progress={progress}
            fileName={phase.fileName}
            delivery={phase.delivery}
            region={detail.region}
            downloadError={exp.downloadError}
          />
        )}
        {phase.status === 'failed' && (
          <Alert color="red" icon={<AlertIcon />} title="Export failed" data-testid="dynamo-export-error">
            {phase.error.message}
          </Alert>
        )}
        <JobDialogFooter
          running={running}
          onCancel={exp.cancel}
          cancelLabel="Cancel export"
          cancelDisabled={phase.status !== 'started'}
          cancelTestId="dynamo-export-cancel"
          onClose={close}
          closeTestId="dynamo-export-close"
        >
          <Button
            onClick={() => void exp.start(request, format, segmentsFor(request, segments))}
            loading={running}
            data-testid="dynamo-export-start"
          >
            {phase.status === 'started' && !running ? 'Export again' : 'Export'}
          </Button>
        </JobDialogFooter>
      </Stack>
    </Modal>
  );
}
