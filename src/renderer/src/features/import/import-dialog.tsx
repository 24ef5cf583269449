import { Alert, Button, Checkbox, Group, Modal, Select, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { IMPORT_MAX_BYTES, type ImportDelimiter } from '@shared/models/import';
import { FilePick } from '@renderer/components/file-pick';
import { AlertIcon } from '@renderer/components/icons';
import { JobDialogFooter } from '@renderer/components/job-dialog-footer';
import { ImportStatus, RejectedRows } from './import-outcome';
import { MappingTable } from './mapping-table';
import { useImport, type ImportOptions } from './use-import';

interface ImportDialogProps {
  opened: boolean;
  onClose: () => void;
  target: { profileId: string; database: string; table: string };
  onImported: () => void;
}

const DELIMITERS: { value: ImportDelimiter | 'auto'; label: string }[] = [
  { value: 'auto', label: 'Detect' },
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe |' },
];

/** Pick a file, map its columns, check every row, then import in one transaction (or fix the file). */
export function ImportDialog({ opened, onClose, target, onImported }: ImportDialogProps) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [options, setOptions] = useState<ImportOptions>({ header: true, delimiter: 'auto' });
  const imp = useImport(target);
  const { preview, mapping, setMapping, answer, progress, loadPreview } = imp;
  const running = answer?.status === 'started' && !progress?.done;

  useEffect(() => {
    if (file) void loadPreview(file.text, options);
  }, [file, options, loadPreview]);
  const notified = useRef(new Set<string>());
  useEffect(() => {
    if (!progress?.done || progress.error || progress.cancelled || notified.current.has(progress.importId))
      return;
    notified.current.add(progress.importId);
    onImported();
  }, [progress, onImported]);

  const choose = async (picked: File): Promise<void> => {
    imp.clear();
    if (picked.size > IMPORT_MAX_BYTES) {
      setFile(null);
      return setFileProblem(
        `${picked.name} is larger than 50 MB. Split it, or load it with the mariadb client.`,
      );
    }
    setFileProblem(null);
    setFile({ name: picked.name, text: await picked.text() });
  };
  const close = (): void => {
    if (running) return;
    setFile(null);
    imp.clear();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={`Import CSV into ${target.database}.${target.table}`}
      size="xl"
      data-testid="import-dialog"
    >
      <Stack gap="sm">
        <Group gap="sm" align="flex-end">
          <FilePick
            accept=".csv,.tsv,.txt,text/csv"
            onPick={(f) => void choose(f)}
            chosen={file !== null}
            disabled={running}
            chooseLabel="Choose a CSV file"
            buttonTestId="import-choose-file"
            summary={
              file
                ? `${file.name} · ${preview ? `${preview.totalRows.toLocaleString()} rows` : '…'}`
                : 'Up to 50 MB'
            }
          />
          <Checkbox
            size="xs"
            label="First row is a header"
            checked={options.header}
            disabled={running}
            onChange={(e) => setOptions({ ...options, header: e.currentTarget.checked })}
          />
          <Select
            size="xs"
            w={130}
            data={DELIMITERS}
            value={options.delimiter}
            allowDeselect={false}
            disabled={running}
            onChange={(v) =>
              setOptions({ ...options, delimiter: (v ?? 'auto') as ImportOptions['delimiter'] })
            }
            aria-label="Delimiter"
          />
        </Group>
        {fileProblem && (
          <Alert color="red" icon={<AlertIcon />}>
            {fileProblem}
          </Alert>
        )}
        {imp.error && (
          <Alert color="red" icon={<AlertIcon />} title="Cannot import" data-testid="import-error">
            {imp.error.message}
          </Alert>
        )}
        {preview && !answer && <MappingTable preview={preview} mapping={mapping} onChange={setMapping} />}
        {answer?.status === 'rejected' && <RejectedRows answer={answer} />}
        {answer?.status === 'started' && (
          <ImportStatus
            total={answer.total}
            rows={progress?.rows ?? 0}
            done={!!progress?.done}
            cancelled={!!progress?.cancelled}
            error={progress?.error?.message}
          />
        )}
        <JobDialogFooter
          running={running}
          onCancel={imp.cancel}
          cancelLabel="Cancel (roll back)"
          cancelTestId="cancel-import"
          onClose={close}
        >
          {answer?.status === 'rejected' ? (
            <>
              <Button variant="default" onClick={() => imp.setAnswer(null)}>
                Back to mapping
              </Button>
              <Button
                onClick={() => file && void imp.submit(file.text, options, mapping, true)}
                loading={imp.busy}
                disabled={answer.validRows === 0}
                data-testid="import-confirm"
              >
                Import the {answer.validRows.toLocaleString()} valid rows
              </Button>
            </>
          ) : (
            !answer && (
              <Button
                onClick={() => file && void imp.submit(file.text, options, mapping, false)}
                loading={imp.busy}
                disabled={!preview}
                data-testid="import-start"
              >
                Check and import
              </Button>
            )
          )}
        </JobDialogFooter>
      </Stack>
    </Modal>
  );
}
