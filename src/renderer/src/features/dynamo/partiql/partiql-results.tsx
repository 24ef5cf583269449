import { Alert, Text } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { TableIcon } from '@renderer/components/toolbar-icons';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { selectRow, type RowRanges } from '@renderer/components/selection';
import { ItemGrid } from '../explore/item-grid';
import { useGridColumns } from '../explore/use-grid-columns';
import { ValueViewer, type ViewedValue } from '../explore/value-viewer';
import { BatchOutcomeList } from './batch-outcome-list';
import { RUN_SHORTCUT } from '@renderer/components/shortcut';
import { CenteredEmptyState } from '@renderer/components/empty-state';
import { isSelect } from './split-statements';
import type { PartiqlRunState } from './use-partiql-run';
import classes from './partiql.module.css';

const KEY_LABEL_PX = 110;

interface PartiqlResultsProps {
  state: PartiqlRunState;
  keyNames: readonly string[];
}

/** Under the editor: what was refused or failed, a batch's outcomes, and the items in the grid. */
export function PartiqlResults({ state, keyNames }: PartiqlResultsProps) {
  const { items, generation } = state;
  const { columns, widths: sized } = useGridColumns(keyNames, items, items.length, generation, generation);
  // A key column's header also says "partition key" / "sort key": room for both, or the name is cut.
  const widths = useMemo(
    () =>
      sized.map((w, i) =>
        keyNames.includes(columns[i] ?? '') ? Math.max(w, KEY_LABEL_PX + (columns[i]?.length ?? 0) * 7.3) : w,
      ),
    [sized, columns, keyNames],
  );
  const [selection, setSelection] = useState<RowRanges>([]);
  const anchor = useRef<number | null>(null);
  const [viewed, setViewed] = useState<ViewedValue | null>(null);

  // A new result clears the selection (adjusting state while rendering, as React recommends).
  const [selectionGeneration, setSelectionGeneration] = useState(generation);
  if (selectionGeneration !== generation) {
    setSelectionGeneration(generation);
    setSelection([]);
  }

  function body() {
    if (items.length > 0)
      return (
        <ItemGrid
          columns={columns}
          keyNames={keyNames}
          items={items}
          count={items.length}
          version={generation}
          widths={widths}
          selection={selection}
          onSelectRow={(row, mode) => {
            setSelection((s) => selectRow(s, anchor.current, row, mode));
            if (mode !== 'range') anchor.current = row;
          }}
          onOpenValue={(row, column, value) => setViewed({ row, column, value })}
          onOpenItem={(row) => {
            const item = items[row];
            if (item) setViewed({ row, column: `Item ${row + 1}`, value: { M: item } });
          }}
        />
      );
    if (state.status === 'idle' || state.mode === null)
      return emptyState(
        'Run a statement',
        `${RUN_SHORTCUT} runs the statement at the cursor, or the selection. Several statements run as one batch.`,
      );
    if (state.status === 'error' || state.status === 'running') return null;
    if (state.mode === 'batch') return null;
    if (state.statement && !isSelect(state.statement.text))
      return emptyState('Done', 'The statement ran. Writes return no items.');
    return emptyState(
      'No items',
      state.nextToken
        ? 'None on this page: DynamoDB filters after reading, so the next page may have some.'
        : 'Nothing matched the statement.',
    );
  }

  return (
    <div className={classes.results} data-testid="partiql-results" data-count={items.length}>
      {state.refused && (
        <div className={classes.notice}>
          <Alert color="orange" variant="light" p={8} data-testid="partiql-refused">
            <Text size="xs">{state.refused}</Text>
          </Alert>
        </div>
      )}
      {state.error && (
        <div className={classes.notice}>
          {state.error.code === 'UNSUPPORTED' ? (
            <Alert color="gray" variant="light" p={8} data-testid="partiql-unsupported">
              <Text size="xs">{state.error.message}</Text>
            </Alert>
          ) : (
            <AwsErrorAlert
              error={state.error}
              compact
              title={state.mode === 'batch' ? 'The batch failed' : 'The statement failed'}
              testId="partiql-error"
            />
          )}
        </div>
      )}
      {state.outcomes && <BatchOutcomeList outcomes={state.outcomes} />}
      <div className={classes.grid}>{body()}</div>
      <ValueViewer viewed={viewed} onClose={() => setViewed(null)} />
    </div>
  );
}

function emptyState(title: string, description: string) {
  return (
    <CenteredEmptyState
      icon={<TableIcon size={26} />}
      maw={440}
      title={title}
      description={description}
      data-testid="partiql-empty"
    />
  );
}
