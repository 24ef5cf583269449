import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import type { DynamoPriceTable } from '@shared/models/dynamo';
import { PlayIcon } from '@renderer/components/icons';
import { RUN_SHORTCUT } from '@renderer/components/shortcut';
import { capacityText } from '../capacity/capacity-text';
import { batchSummary } from './batch-outcomes';
import { isSelect } from './split-statements';
import type { PartiqlRunState } from './use-partiql-run';
import panels from '@renderer/components/panel.module.css';
import classes from './partiql.module.css';

interface PartiqlToolbarProps {
  state: PartiqlRunState;
  region: string;
  prices: DynamoPriceTable | undefined;
  onRun: () => void;
  onNextPage: () => void;
}

const n = (v: number) => v.toLocaleString('en-US');

/** What the last run returned and what it cost. */
function summary(state: PartiqlRunState): string | null {
  if (state.status === 'running' || !state.consumed) return null;
  if (state.mode === 'batch') return state.outcomes ? batchSummary(state.outcomes) : null;
  if (state.statement && !isSelect(state.statement.text)) return 'Done';
  return `${n(state.items.length)} item${state.items.length === 1 ? '' : 's'} · page ${state.page}${state.nextToken ? ', more to read' : ''}`;
}

/** Run, the last run's outcome and consumed capacity, and the next page of a SELECT. */
export function PartiqlToolbar({ state, region, prices, onRun, onNextPage }: PartiqlToolbarProps) {
  const running = state.status === 'running';
  const text = summary(state);
  return (
    <Group
      className={`${panels.toolbar} ${classes.toolbar}`}
      gap="sm"
      wrap="nowrap"
      data-testid="partiql-status"
      data-status={state.status}
      data-mode={state.mode ?? ''}
      data-runs={state.runs}
    >
      <Tooltip
        label={`Run the statement at the cursor, or the selection; several statements run as one batch (${RUN_SHORTCUT})`}
        openDelay={400}
        multiline
        maw={320}
      >
        <Button
          size="xs"
          leftSection={<PlayIcon size={12} />}
          rightSection={<span className={classes.shortcut}>{RUN_SHORTCUT}</span>}
          onClick={onRun}
          loading={running}
          data-testid="partiql-run"
        >
          Run
        </Button>
      </Tooltip>
      {text && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="partiql-summary">
          {text}
          {state.consumed && (
            <>
              {' · '}
              <Text span size="xs" c="var(--mantine-color-text)" data-testid="partiql-capacity">
                {capacityText(state.consumed, region, prices)}
              </Text>
            </>
          )}
        </Text>
      )}
      {state.status === 'error' && (
        <Badge size="sm" color="red" variant="light">
          failed
        </Badge>
      )}
      <Button
        ml="auto"
        size="compact-xs"
        variant="default"
        disabled={running || !state.nextToken}
        onClick={onNextPage}
        data-testid="partiql-next-page"
      >
        Next page
      </Button>
    </Group>
  );
}
