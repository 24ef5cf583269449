import type { HistoryEntry } from '@shared/models/sql-history';

const count = new Intl.NumberFormat('en-US');
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function plural(n: number, word: string): string {
  return `${count.format(n)} ${word}${n === 1 ? '' : 's'}`;
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1).replace(/\.0$/, '') : Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** When it ran: the time for today's runs, the date and time for older ones. */
export function whenRan(startedAt: string, now: Date = new Date()): string {
  const at = new Date(startedAt);
  return at.toDateString() === now.toDateString() ? time.format(at) : dateTime.format(at);
}

/** "12:03:04 · 3 ms · 2 rows", "… · 1 row affected", "… · failed". */
export function historyMeta(entry: HistoryEntry, now?: Date): string {
  const parts = [whenRan(entry.startedAt, now), duration(entry.durationMs)];
  if (entry.error) parts.push('failed');
  else if (entry.rowCount !== undefined) parts.push(plural(entry.rowCount, 'row'));
  else if (entry.affectedRows !== undefined) parts.push(`${plural(entry.affectedRows, 'row')} affected`);
  return parts.join(' · ');
}
