import { Text } from '@mantine/core';
import type { QueryResult } from '@shared/models/sql';

const count = new Intl.NumberFormat('en-US');

function plural(n: number, word: string): string {
  return `${count.format(n)} ${word}${n === 1 ? '' : 's'}`;
}

function duration(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1).replace(/\.0$/, '')} ms` : `${count.format(Math.round(ms))} ms`;
}

/** "N rows · 12 ms" (plus "truncated at N rows"), or "N rows affected · 3 ms". */
export function statusLine(result: QueryResult): string {
  if (result.kind === 'rows') {
    const parts = [plural(result.rowCount, 'row'), duration(result.durationMs)];
    if (result.truncated) parts.push(`truncated at ${plural(result.rows.length, 'row')}`);
    return parts.join(' · ');
  }
  const parts = [`${plural(result.affectedRows, 'row')} affected`, duration(result.durationMs)];
  if (result.insertId !== null && result.insertId !== '0') parts.push(`insert id ${result.insertId}`);
  if (result.warningCount > 0) parts.push(plural(result.warningCount, 'warning'));
  return parts.join(' · ');
}

export function ResultStatus({ result }: { result: QueryResult }) {
  return (
    <Text
      size="xs"
      c={result.kind === 'rows' && result.truncated ? 'orange.7' : 'dimmed'}
      data-testid="result-status"
      truncate
    >
      {statusLine(result)}
    </Text>
  );
}
