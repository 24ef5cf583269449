import { Alert, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { QueryResult } from '@shared/models/sql';
import type { ApiError } from '@renderer/api/api-error';
import { AlertIcon } from '@renderer/components/icons';
import { ResultGrid } from './result-grid';
import { ResultStatus } from './result-status';
import classes from './results-panel.module.css';

export type ResultState = 'idle' | 'running' | 'done' | 'error';

interface ResultsPanelProps {
  state: ResultState;
  result: QueryResult | undefined;
  error: ApiError | null;
  /** Finished runs so far; lets tests wait for "the next result" without sleeping. */
  runCount: number;
  shortcut: string;
}

/** The server's own code (e.g. ER_PARSE_ERROR 1064) is what users search for; show it beside ours. */
function errorCode(error: ApiError): string {
  const driver = error.details?.['driverCode'];
  const errno = error.details?.['errno'];
  if (typeof driver === 'string' && driver)
    return typeof errno === 'number' ? `${driver} (${errno})` : driver;
  return error.code;
}

function Body({ state, result, error, shortcut }: Omit<ResultsPanelProps, 'runCount'>) {
  if (state === 'running') {
    return (
      <Center h="100%">
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Running…
          </Text>
        </Group>
      </Center>
    );
  }
  if (state === 'error' && error) {
    return (
      <div className={classes.padded}>
        <Alert
          color="red"
          variant="light"
          icon={<AlertIcon />}
          title={errorCode(error)}
          data-testid="result-error"
        >
          <Text size="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {error.message}
          </Text>
        </Alert>
      </div>
    );
  }
  if (state === 'done' && result?.kind === 'rows') {
    return result.columns.length > 0 ? <ResultGrid result={result} /> : null;
  }
  if (state === 'done' && result?.kind === 'ok') {
    return (
      <Center h="100%">
        <Text size="sm" c="dimmed">
          {result.info || 'Statement executed.'}
        </Text>
      </Center>
    );
  }
  return (
    <Center h="100%">
      <Text size="sm" c="dimmed">
        Run a statement with {shortcut} to see results here.
      </Text>
    </Center>
  );
}

export function ResultsPanel(props: ResultsPanelProps) {
  const { state, result, runCount } = props;
  return (
    <Stack
      gap={0}
      className={classes.panel}
      data-testid="results-panel"
      data-result-state={state}
      data-run-count={runCount}
    >
      <div className={classes.body}>
        <Body {...props} />
      </div>
      <div className={classes.statusBar}>
        {state === 'done' && result ? <ResultStatus result={result} /> : <Text size="xs">&nbsp;</Text>}
      </div>
    </Stack>
  );
}
