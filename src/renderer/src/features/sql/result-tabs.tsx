import { Center, Loader, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { AlertIcon } from '@renderer/components/icons';
import { statementTitle } from './run-target';
import { RUN_SCRIPT_SHORTCUT, RUN_SHORTCUT } from '@renderer/components/shortcut';
import { StatementResult } from './statement-result';
import type { RunState, StatementRun } from './use-script-run';
import classes from './result-tabs.module.css';

interface ResultTabsProps {
  runs: StatementRun[];
  state: RunState;
  /** Finished runs so far; lets tests wait for "the next result" without sleeping. */
  runCount: number;
  onCancel: () => void;
  onFetchAll: (key: string) => void;
}

/** The tab to show unless the user picked one: the failed statement, else the one running, else the last. */
function defaultTab(runs: StatementRun[]): string | undefined {
  return (runs.find((r) => r.status === 'error') ?? runs.find((r) => r.status === 'running') ?? runs.at(-1))
    ?.key;
}

/** A statement the user cancelled is not shown as failed. */
function tabStatus(run: StatementRun): StatementRun['status'] | 'cancelled' {
  return run.status === 'error' && run.error?.code === 'CANCELLED' ? 'cancelled' : run.status;
}

function TabIcon({ run }: { run: StatementRun }) {
  if (run.status === 'running') return <Loader size={10} />;
  if (tabStatus(run) === 'error') return <AlertIcon size={12} />;
  return null;
}

/** One tab per statement of the last run, titled by the statement's start; a failed one in red. */
export function ResultTabs({ runs, state, runCount, onCancel, onFetchAll }: ResultTabsProps) {
  // The user's pick holds for the run it was made in (keys are unique per run).
  const [picked, setPicked] = useState<string | null>(null);
  const active = runs.some((r) => r.key === picked) ? picked! : defaultTab(runs);
  const stoppedAt = runs.findIndex((r) => r.status === 'error');

  return (
    <div
      className={classes.panel}
      data-testid="results-panel"
      data-result-state={state}
      data-run-count={runCount}
    >
      {runs.length === 0 ? (
        <Center h="100%">
          <Text size="sm" c="dimmed">
            Run the statement at the cursor with {RUN_SHORTCUT}, or the whole script with{' '}
            {RUN_SCRIPT_SHORTCUT}.
          </Text>
        </Center>
      ) : (
        <Tabs
          value={active ?? null}
          onChange={setPicked}
          keepMounted={false}
          classNames={{ root: classes.tabs, list: classes.list, tab: classes.tab, panel: classes.tabPanel }}
        >
          <Tabs.List>
            {runs.map((run) => (
              <Tabs.Tab
                key={run.key}
                value={run.key}
                color={tabStatus(run) === 'error' ? 'red' : undefined}
                leftSection={<TabIcon run={run} />}
                data-status={tabStatus(run)}
                data-testid="result-tab"
                title={run.statement.text.slice(0, 500)}
              >
                {statementTitle(run.statement.text)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {runs.map((run, index) => (
            <Tabs.Panel key={run.key} value={run.key}>
              <StatementResult
                run={run}
                notRun={index === stoppedAt ? runs.length - index - 1 : 0}
                onCancel={onCancel}
                onFetchAll={() => onFetchAll(run.key)}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </div>
  );
}
