import { Alert, Button, Group, Loader, Modal, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ConsistencyProgress } from '@shared/models/replication';
import { toApiError } from '@renderer/api/api-error';
import { CheckResults } from './check-results';
import { isFinished, PHASE_TEXT, progressPercent, verdictSummary } from './check-format';
import { TablePicker } from './table-picker';
import { useConsistencyCheck } from './use-consistency-check';

const PROGRESS_COLOR: Partial<Record<ConsistencyProgress['phase'], string>> = {
  done: 'green',
  failed: 'red',
  cancelled: 'gray',
};

interface ConsistencyCheckDialogProps {
  monitorId: string;
  opened: boolean;
  replicaLabel: (key: string) => string;
  onClose: () => void;
}

/**
 * Compares the chosen tables between the primary and its replicas, chunk by chunk. The check lives on
 * while the dialog is closed (its progress is kept), and is cancelled if the tab closes.
 */
export function ConsistencyCheckDialog({
  monitorId,
  opened,
  replicaLabel,
  onClose,
}: ConsistencyCheckDialogProps) {
  const { tables, start, cancel, checkId, progress } = useConsistencyCheck(monitorId, opened);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const running = start.isPending || (start.isSuccess && (progress === null || !isFinished(progress.phase)));
  const results = progress?.results ?? [];

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Consistency check"
      size="min(1100px, 94vw)"
      keepMounted
      data-testid="check-dialog"
    >
      <Stack
        gap="sm"
        data-testid="check-panel"
        data-phase={progress?.phase ?? (running ? 'starting' : 'idle')}
        data-check-id={checkId ?? undefined}
      >
        <Text size="sm" c="dimmed">
          Checksums each table on the primary in key-ordered chunks, waits for every replica to reach the same
          GTID position, checksums the replicas, then narrows differing chunks down to their rows. Reads only.
        </Text>
        {tables.isPending && <Loader size="xs" />}
        {tables.error && (
          <Alert color="red" variant="light" title="Could not list the tables">
            {toApiError(tables.error).message}
          </Alert>
        )}
        {tables.data && (
          <TablePicker tables={tables.data} selected={selected} disabled={running} onChange={setSelected} />
        )}
        <Group gap="xs">
          <Button
            size="xs"
            disabled={selected.size === 0 || running}
            loading={start.isPending}
            onClick={() => start.mutate([...selected])}
            data-testid="check-start"
          >
            Check {selected.size === 0 ? '' : `${selected.size} table${selected.size === 1 ? '' : 's'}`}
          </Button>
          {running && (
            <Button
              size="xs"
              variant="default"
              color="red"
              loading={cancel.isPending}
              onClick={() => cancel.mutate()}
              data-testid="check-cancel"
            >
              Cancel
            </Button>
          )}
          {progress && (
            <Text size="xs" c="dimmed">
              {PHASE_TEXT[progress.phase]}
              {progress.gtidPosition ? ` · at GTID ${progress.gtidPosition}` : ''}
              {isFinished(progress.phase) && results.length > 0
                ? ` · ${verdictSummary(results.map((r) => r.verdict))}`
                : ''}
            </Text>
          )}
        </Group>
        {(running || progress) && (
          <Progress
            value={progress ? progressPercent(progress) : 0}
            animated={running}
            color={progress ? PROGRESS_COLOR[progress.phase] : undefined}
            data-testid="check-progress"
            aria-label="Check progress"
          />
        )}
        {start.error && (
          <Alert color="red" variant="light" title="The check did not start">
            {start.error.message}
          </Alert>
        )}
        {progress?.error && (
          <Alert color="red" variant="light" title="The check failed">
            {progress.error}
          </Alert>
        )}
        {results.length > 0 && <CheckResults results={results} replicaLabel={replicaLabel} />}
      </Stack>
    </Modal>
  );
}
