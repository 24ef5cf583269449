import { describe, expect, it } from 'vitest';
import {
  differingCells,
  progressPercent,
  rangeText,
  verdictSummary,
} from '../../src/renderer/src/features/replication/check/check-format';
import {
  abbreviateGtid,
  formatDuration,
  formatLagMs,
  formatLagSeconds,
  HEALTH_LABEL,
  HEALTH_TONE,
  reportedLagSeconds,
  serverText,
  threadsText,
} from '../../src/renderer/src/features/replication/replication-format';

describe('health colours', () => {
  it('maps each health to the colour the issue names, with a word beside it', () => {
    expect(HEALTH_TONE).toEqual({ healthy: 'green', lagging: 'yellow', broken: 'red', unreachable: 'gray' });
    expect(Object.values(HEALTH_LABEL)).toEqual(['Healthy', 'Lagging', 'Broken', 'Unreachable']);
  });
});

describe('lag and time texts', () => {
  it('shows reported lag in seconds, minutes and hours, and a dash when the server gives none', () => {
    expect(formatLagSeconds(null)).toBe('—');
    expect(formatLagSeconds(0)).toBe('0 s');
    expect(formatLagSeconds(42)).toBe('42 s');
    expect(formatLagSeconds(185)).toBe('3 m 05 s');
    expect(formatLagSeconds(2 * 3600 + 14 * 60 + 9)).toBe('2 h 14 m');
  });

  it('shows measured lag in milliseconds under a second, then in seconds', () => {
    expect(formatLagMs(null)).toBe('—');
    expect(formatLagMs(7.6)).toBe('8 ms');
    expect(formatLagMs(-3)).toBe('0 ms');
    expect(formatLagMs(5_040)).toBe('5.0 s');
    expect(formatLagMs(125_000)).toBe('2 m 05 s');
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(1430)).toBe('1.4 s');
  });
});

describe('abbreviateGtid', () => {
  it('keeps a MariaDB position whole and counts the other domains', () => {
    expect(abbreviateGtid('0-1-1234')).toBe('0-1-1234');
    expect(abbreviateGtid('0-1-1234,1-2-56')).toBe('0-1-1234 +1');
  });

  it('cuts MySQL server UUIDs to eight digits', () => {
    expect(
      abbreviateGtid('3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77,\n4a2b0000-0000-0000-0000-000000000000:1-5'),
    ).toBe('3e11fa47…:1-77 +1');
  });

  it('shows a dash for an empty position', () => {
    expect(abbreviateGtid(null)).toBe('—');
    expect(abbreviateGtid('')).toBe('—');
  });
});

describe('node texts', () => {
  it('takes the largest lag over the channels and null when none reports one', () => {
    expect(reportedLagSeconds({ channels: [] })).toBeNull();
    const ch = (secondsBehind: number | null) => ({ secondsBehind }) as never;
    expect(reportedLagSeconds({ channels: [ch(null)] })).toBeNull();
    expect(reportedLagSeconds({ channels: [ch(3), ch(null), ch(12)] })).toBe(12);
  });

  it('names threads and servers briefly', () => {
    expect(threadsText({ channel: '', ioThread: 'running', sqlThread: 'stopped' })).toBe(
      'IO running · SQL stopped',
    );
    expect(threadsText({ channel: 'east', ioThread: 'connecting', sqlThread: 'running' })).toBe(
      'east: IO connecting · SQL running',
    );
    expect(serverText('mariadb', '10.11.6-MariaDB-0+deb12u1-log')).toBe('MariaDB 10.11.6');
    expect(serverText('mysql', '8.0.35')).toBe('MySQL 8.0.35');
  });
});

describe('consistency check texts', () => {
  it('computes progress, with an empty finished plan counted as done', () => {
    expect(progressPercent({ done: 3, total: 12, phase: 'checksum-primary' })).toBe(25);
    expect(progressPercent({ done: 0, total: 0, phase: 'checksum-primary' })).toBe(0);
    expect(progressPercent({ done: 0, total: 0, phase: 'done' })).toBe(100);
  });

  it('summarises verdicts worst first', () => {
    expect(verdictSummary(['match', 'mismatch', 'match', 'skipped'])).toBe(
      '1 mismatch · 2 match · 1 skipped',
    );
    expect(verdictSummary([])).toBe('');
  });

  it('writes key ranges with open ends', () => {
    expect(rangeText({ lower: ['10'], upper: ['19'] })).toBe('(10) … (19)');
    expect(rangeText({ lower: null, upper: ['a', '2'] })).toBe('start … (a, 2)');
    expect(rangeText({ lower: ['90'], upper: null })).toBe('(90) … end');
  });

  it('marks the cells that differ, and every cell of a row missing on one side', () => {
    expect([...differingCells(['1', 'Ann', null], ['1', 'Anne', null], 3)]).toEqual([1]);
    expect([...differingCells(['1', null], ['1', 'x'], 2)]).toEqual([1]);
    expect([...differingCells(['1', 'Ann'], null, 2)]).toEqual([0, 1]);
    expect(differingCells(['1'], ['1'], 1).size).toBe(0);
  });
});
