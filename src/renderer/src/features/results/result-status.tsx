import { Anchor, Group, Loader, Text } from '@mantine/core';
import type { OkResult, RowsResult } from '@shared/models/sql';
import type { ResultLoad } from './use-result-rows';

const count = new Intl.NumberFormat('en-US');

function plural(n: number, word: string): string {
  return `${count.format(n)} ${word}${n === 1 ? '' : 's'}`;
}

function duration(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1).replace(/\.0$/, '')} ms` : `${count.format(Math.round(ms))} ms`;
}

/** "N rows affected · 3 ms" for statements without rows. */
export function okStatusLine(result: OkResult): string {
  const parts = [`${plural(result.affectedRows, 'row')} affected`, duration(result.durationMs)];
  if (result.insertId !== null && result.insertId !== '0') parts.push(`insert id ${result.insertId}`);
  if (result.warningCount > 0) parts.push(plural(result.warningCount, 'warning'));
  return parts.join(' · ');
}

/** "N rows · 12 ms", plus what the loading did: still going, stopped at the limit, cancelled or failed. */
export function rowsStatusLine(result: RowsResult, load: ResultLoad, shown?: number): string {
  const rows =
    shown !== undefined && shown !== load.rowCount
      ? `${count.format(shown)} of ${plural(load.rowCount, 'row')} match`
      : plural(load.rowCount, 'row');
  if (!load.complete) return `${rows} · loading…`;
  const parts = [rows, duration(load.durationMs ?? result.durationMs)];
  if (load.error)
    parts.push(load.error.code === 'CANCELLED' ? 'cancelled' : `stopped: ${load.error.message}`);
  return parts.join(' · ');
}

interface RowsStatusProps {
  result: RowsResult;
  load: ResultLoad;
  /** Rows in the filtered view, when a filter is on. */
  shown?: number;
  selected: number;
  onFetchAll?: () => void;
}

export function RowsStatus({ result, load, shown, selected, onFetchAll }: RowsStatusProps) {
  return (
    <Group gap="xs" wrap="nowrap" data-testid="result-status" data-complete={load.complete} miw={0}>
      {!load.complete && <Loader size={10} />}
      <Text size="xs" c={load.error && load.error.code !== 'CANCELLED' ? 'red.7' : 'dimmed'} truncate>
        {rowsStatusLine(result, load, shown)}
      </Text>
      {load.complete && load.stoppedAtLimit && (
        <Text size="xs" c="orange.7" data-testid="result-limit">
          stopped at {plural(result.limit ?? load.rowCount, 'row')}
          {onFetchAll && (
            <>
              {' — '}
              <Anchor component="button" size="xs" onClick={onFetchAll} data-testid="fetch-all">
                Fetch all
              </Anchor>
            </>
          )}
        </Text>
      )}
      {selected > 0 && (
        <Text size="xs" c="dimmed">
          · {plural(selected, 'row')} selected
        </Text>
      )}
    </Group>
  );
}

export function OkStatus({ result }: { result: OkResult }) {
  return (
    <Text size="xs" c="dimmed" data-testid="result-status" truncate>
      {okStatusLine(result)}
    </Text>
  );
}
