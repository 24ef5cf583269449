import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { DYNAMO_IMPORT_MAX_BYTES } from '@shared/contract-dynamo-transfer';
import type { DynamoTableDetail } from '@shared/models/dynamo';
import type { FileFormat } from '@shared/models/dynamo-schemas';
import { FilePick } from '@renderer/components/file-pick';
import { AlertIcon } from '@renderer/components/icons';
import { JobDialogFooter } from '@renderer/components/job-dialog-footer';
import { checkImport } from './import-check';
import { ImportPreview } from './import-preview';
import { ImportStatus } from './import-status';
import { LineProblems } from './line-problems';
import { guessFormat, IMPORT_NOTES, TRANSFER_FORMATS } from './transfer-formats';
import { useDynamoImport } from './use-dynamo-import';

/** "1 line", "3 rows", "2 items": a file's entries by what they are in its format. */
function counted(n: number, what: FileFormat | 'items'): string {
  const noun = what === 'items' ? 'item' : what === 'csv' ? 'row' : 'line';
  return `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;
}

interface ImportDialogProps {
  profile: string;
  detail: DynamoTableDetail;
  onClose: () => void;
}

/** Pick a file, see what it will write, import it with BatchWriteItem and read the report. */
export function ImportDialog({ profile, detail, onClose }: ImportDialogProps) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [format, setFormat] = useState<FileFormat>('jsonl');
  const imp = useDynamoImport(profile, detail.region, detail.name);
  const { phase, job, running } = imp;
  const keys = useMemo(
    () => [detail.partitionKey, ...(detail.sortKey ? [detail.sortKey] : [])],
    [detail.partitionKey, detail.sortKey],
  );
  const check = useMemo(() => (file ? checkImport(file.text, format, keys) : null), [file, format, keys]);
  const started = phase.status === 'started';
  const unit = format === 'csv' ? 'Row' : 'Line';

  const choose = async (picked: File): Promise<void> => {
    imp.reset();
    setFile(null);
    if (picked.size > DYNAMO_IMPORT_MAX_BYTES)
      return setFileProblem(`${picked.name} is larger than 50 MB. Split it into smaller files.`);
    if (picked.size === 0) return setFileProblem(`${picked.name} is empty.`);
    try {
      const text = await picked.text();
      setFileProblem(null);
      const firstLine = text.split('\n', 1)[0] ?? '';
      setFormat(guessFormat(picked.name, firstLine));
      setFile({ name: picked.name, text });
    } catch (err) {
      setFileProblem(`${picked.name} could not be read: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const close = (): void => {
    if (!running) onClose();
  };
  const importable = check !== null && check.malformedCount === 0 && check.total > check.keyProblemCount;

  return (
    <Modal
      opened
      onClose={close}
      title={`Import into ${detail.name}`}
      size="xl"
      data-testid="dynamo-import-dialog"
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <FilePick
            accept=".jsonl,.ndjson,.json,.csv,.txt"
            onPick={(f) => void choose(f)}
            chosen={file !== null}
            disabled={running}
            chooseLabel="Choose a file"
            buttonTestId="dynamo-import-choose"
            summary={
              file && check
                ? `${file.name} · ${counted(check.total, format)}`
                : 'JSON lines, DynamoDB JSON or CSV, up to 50 MB'
            }
            summaryTestId="dynamo-import-file"
          />
        </Group>
        <Stack gap={6}>
          <SegmentedControl
            fullWidth
            size="xs"
            value={format}
            onChange={(v) => setFormat(v as FileFormat)}
            disabled={running || started}
            data={TRANSFER_FORMATS.map((f) => ({ value: f.value, label: f.label }))}
            data-testid="dynamo-import-format"
          />
          <Text size="xs" c="dimmed">
            {IMPORT_NOTES[format]} Items with the key of an existing item replace it.
          </Text>
        </Stack>
        {fileProblem && (
          <Alert color="red" icon={<AlertIcon />} data-testid="dynamo-import-file-problem">
            {fileProblem}
          </Alert>
        )}
        {check && check.malformedCount > 0 && (
          <Alert
            color="red"
            icon={<AlertIcon />}
            title={`${check.malformedCount.toLocaleString()} of ${counted(check.total, format)} ${check.malformedCount === 1 ? 'is' : 'are'} not valid ${TRANSFER_FORMATS.find((f) => f.value === format)?.label}`}
            data-testid="dynamo-import-malformed"
          >
            <Text size="sm" mb={6}>
              Nothing will be written until the file is fixed. Correct these lines (or pick the right format
              above), then choose the file again.
            </Text>
            {check.hint && (
              <Text size="sm" mb={6}>
                {check.hint}
              </Text>
            )}
            <LineProblems problems={check.malformed} testId="dynamo-import-malformed-line" unit={unit} />
          </Alert>
        )}
        {check && check.total === 0 && !fileProblem && (
          <Alert color="red" icon={<AlertIcon />} data-testid="dynamo-import-malformed">
            The file holds no items.
          </Alert>
        )}
        {check && !started && check.malformedCount === 0 && check.keyProblemCount > 0 && (
          <Alert
            color="orange"
            icon={<AlertIcon />}
            title={`${counted(check.keyProblemCount, 'items')} cannot be written`}
            data-testid="dynamo-import-key-problems"
          >
            <Text size="sm" mb={6}>
              They will be skipped and listed in the report; the other items are imported.
            </Text>
            <LineProblems problems={check.keyProblems} testId="dynamo-import-key-problem" unit={unit} />
          </Alert>
        )}
        {check && !started && check.malformedCount === 0 && (
          <ImportPreview
            items={check.preview}
            keyNames={keys.map((k) => k.name)}
            total={check.total}
            unit={unit}
          />
        )}
        {started && (
          <ImportStatus
            progress={job.progress}
            throttled={job.throttled}
            region={detail.region}
            unit={unit}
          />
        )}
        {phase.status === 'failed' && (
          <Alert
            color="red"
            icon={<AlertIcon />}
            title="The import did not start"
            data-testid="dynamo-import-failed"
          >
            {phase.error.message}
          </Alert>
        )}
        <JobDialogFooter
          running={running}
          onCancel={imp.cancel}
          cancelLabel="Cancel import"
          cancelDisabled={!started}
          cancelTestId="dynamo-import-cancel"
          onClose={close}
          closeLabel={started ? 'Done' : 'Close'}
          closeTestId="dynamo-import-close"
        >
          {!started && (
            <Button
              onClick={() => file && void imp.start(file.text, format)}
              loading={phase.status === 'starting'}
              disabled={!importable}
              data-testid="dynamo-import-start"
            >
              {check && importable
                ? `Import ${counted(check.total - check.keyProblemCount, 'items')}`
                : 'Import'}
            </Button>
          )}
        </JobDialogFooter>
      </Stack>
    </Modal>
  );
}
