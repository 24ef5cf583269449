import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { ApiError } from '@renderer/api/api-error';
import { AlertIcon } from '@renderer/components/icons';
import { OkStatus } from '@renderer/features/results/result-status';
import { ResultView } from '@renderer/features/results/result-view';
import { locateError } from './error-position';
import type { StatementRun } from './use-script-run';
import classes from './result-tabs.module.css';

/** The server's own code (e.g. ER_PARSE_ERROR 1064) is what users search for; show it beside ours. */
function errorTitle(error: ApiError): string {
  const driver = error.details?.['driverCode'];
  const errno = error.details?.['errno'];
  if (typeof driver === 'string' && driver)
    return typeof errno === 'number' ? `${driver} (${errno})` : driver;
  return error.code;
}

function Message({ children }: { children: string }) {
  return (
    <Center h="100%">
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Center>
  );
}

const count = new Intl.NumberFormat('en-US');

/** The server counts lines from the statement's start; the user reads the editor's line numbers. */
function EditorPlace({ run }: { run: StatementRun }) {
  const spot = locateError(run.statement.text, run.error?.message ?? '');
  if (!spot.exact) return null;
  const before = run.statement.text.slice(0, spot.start);
  const line = run.statement.line + (before.match(/\n/g)?.length ?? 0);
  const column = before.includes('\n')
    ? spot.start - before.lastIndexOf('\n')
    : run.statement.column + spot.start;
  return (
    <Text size="sm" c="dimmed" data-testid="error-place">
      Marked in the editor at line {line}, column {column}.
    </Text>
  );
}

/** What one statement of a run produced: rows, a count of changed rows, its error, or why it did not run. */
export function StatementResult({
  run,
  notRun,
  onCancel,
  onFetchAll,
}: {
  run: StatementRun;
  notRun: number;
  onCancel: () => void;
  onFetchAll: () => void;
}) {
  switch (run.status) {
    case 'waiting':
      return <Message>Waiting for the statements before it…</Message>;
    case 'running':
      return (
        <Center h="100%">
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Running…
            </Text>
            <Button size="compact-xs" variant="default" onClick={onCancel} data-testid="cancel-query">
              Cancel
            </Button>
          </Group>
        </Center>
      );
    case 'skipped':
      return <Message>Not run: an earlier statement failed or the run was cancelled.</Message>;
    case 'error': {
      const error = run.error!;
      // Stopped by the user: said plainly, not in alarm red.
      const cancelled = error.code === 'CANCELLED';
      return (
        <div className={classes.padded}>
          <Alert
            color={cancelled ? 'gray' : 'red'}
            variant="light"
            icon={<AlertIcon />}
            title={cancelled ? 'Cancelled' : errorTitle(error)}
            data-testid="result-error"
          >
            <Stack gap={6}>
              <Text size="sm" ff="monospace" className={classes.message}>
                {error.message}
              </Text>
              {run.inEditor && <EditorPlace run={run} />}
              {notRun > 0 && (
                <Text size="sm" c="dimmed" data-testid="stopped-note">
                  Stopped here: the {notRun === 1 ? 'statement' : `${notRun} statements`} after this one{' '}
                  {notRun === 1 ? 'was' : 'were'} not run.
                </Text>
              )}
            </Stack>
          </Alert>
        </div>
      );
    }
    case 'done': {
      const result = run.result!;
      if (result.kind === 'rows')
        return result.columns.length > 0 ? (
          <ResultView result={result} progress={run.progress} onFetchAll={onFetchAll} />
        ) : (
          <Message>The statement returned no columns.</Message>
        );
      return (
        <Stack gap={0} h="100%">
          <div className={classes.body}>
            <Center h="100%">
              <Stack gap={2} align="center">
                <Text size="md" data-testid="affected-rows">
                  {result.affectedRows === 1
                    ? '1 row affected'
                    : `${count.format(result.affectedRows)} rows affected`}
                </Text>
                {result.info && (
                  <Text size="sm" c="dimmed">
                    {result.info}
                  </Text>
                )}
              </Stack>
            </Center>
          </div>
          <div className={classes.statusBar}>
            <OkStatus result={result} />
          </div>
        </Stack>
      );
    }
  }
}
