import { Alert, Button, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportProgress,
  type ExportSource,
} from '@shared/models/export';
import { AlertIcon, CheckIcon } from '@renderer/components/icons';
import { JobDialogFooter } from '@renderer/components/job-dialog-footer';
import { ChoosingWhereToSave, TransferProgress } from '@renderer/components/transfer-progress';
import { formatBytes } from '@renderer/components/format-size';
import { download } from '@renderer/api/download';
import { useExport } from './use-export';

interface ExportDialogProps {
  opened: boolean;
  onClose: () => void;
  source: ExportSource;
  title: string;
  /** Rows expected, when known, for the progress bar. */
  expectedRows?: number;
}

const FORMAT_NOTES: Record<ExportFormat, string> = {
  csv: 'RFC 4180, with a header row. NULL is an empty field, the empty string a quoted empty field.',
  jsonl: 'One JSON object per line, keyed by column name.',
  sql: 'INSERT statements of 500 rows each.',
};

/** Choose a format, follow the rows as they are written, cancel at any time (no half file is left). */
export function ExportDialog({ opened, onClose, source, title, expectedRows }: ExportDialogProps) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const { state, start, cancel, reset } = useExport();
  const delivered = useRef(new Set<string>());
  const progress = state.status === 'running' || state.status === 'done' ? state.progress : null;
  const running = state.status === 'starting' || state.status === 'running';

  useEffect(() => {
    if (state.status !== 'done' || !progress?.downloadUrl || delivered.current.has(state.exportId)) return;
    delivered.current.add(state.exportId);
    download(progress.downloadUrl, progress.fileName);
  }, [state, progress]);

  const close = (): void => {
    if (running) return;
    reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={title} size="md" data-testid="export-dialog">
      <Stack gap="md">
        <SegmentedControl
          fullWidth
          size="xs"
          value={format}
          onChange={(v) => setFormat(v as ExportFormat)}
          disabled={running}
          data={EXPORT_FORMATS.map((f) => ({ value: f.value, label: f.label }))}
          data-testid="export-format"
        />
        <Text size="xs" c="dimmed">
          {FORMAT_NOTES[format]}
        </Text>
        {state.status === 'starting' && <ChoosingWhereToSave />}
        {state.status === 'running' && (
          <TransferProgress
            percent={expectedRows ? ((progress?.rows ?? 0) / expectedRows) * 100 : 100}
            counts={`${(progress?.rows ?? 0).toLocaleString()} rows · ${formatBytes(progress?.bytes ?? 0)} written`}
            testId="export-progress"
          />
        )}
        {state.status === 'done' && progress && <Outcome progress={progress} />}
        {state.status === 'failed' && (
          <Alert color="red" icon={<AlertIcon />} title="Export failed">
            {state.error.message}
          </Alert>
        )}
        <JobDialogFooter
          running={running}
          onCancel={cancel}
          cancelLabel="Cancel export"
          cancelDisabled={state.status !== 'running'}
          cancelColor="red"
          cancelTestId="cancel-export"
          onClose={close}
        >
          <Button onClick={() => void start(source, format)} loading={running} data-testid="start-export">
            {state.status === 'done' ? 'Export again' : 'Export'}
          </Button>
        </JobDialogFooter>
      </Stack>
    </Modal>
  );
}

function Outcome({ progress }: { progress: ExportProgress }) {
  if (progress.cancelled) {
    return (
      <Alert color="gray" title="Cancelled" data-testid="export-cancelled">
        The export was cancelled; no file was written.
      </Alert>
    );
  }
  if (progress.error) {
    return (
      <Alert color="red" icon={<AlertIcon />} title="Export failed" data-testid="export-error">
        {progress.error.message} No file was written.
      </Alert>
    );
  }
  const where = progress.path ? `Saved to ${progress.path}` : `Downloaded as ${progress.fileName}`;
  return (
    <Alert color="green" icon={<CheckIcon />} title="Export finished" data-testid="export-done">
      {progress.rows.toLocaleString()} rows, {formatBytes(progress.bytes)}. {where}.
    </Alert>
  );
}
