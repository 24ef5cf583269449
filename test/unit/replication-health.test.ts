import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReplicaStatus } from '../../src/shared/models/replication';
import { nodeHealth, nodeRole } from '../../src/main/replication/node-health';
import { parseReplicaStatus } from '../../src/main/replication/parse-replica-status';

const DIR = join(__dirname, 'fixtures', 'replica-status');
function channels(name: string): ReplicaStatus[] {
  const { rows } = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as {
    rows: Record<string, unknown>[];
  };
  return parseReplicaStatus(rows);
}
function healthy(patch: Partial<ReplicaStatus> = {}): ReplicaStatus[] {
  const [c] = channels('mariadb-10.11-healthy');
  if (!c) throw new Error('fixture without a row');
  return [{ ...c, ...patch }];
}
const base = { error: null, measured: null, thresholdSeconds: 5 };

describe('nodeHealth', () => {
  it('is green with both threads running and no lag', () => {
    expect(nodeHealth({ ...base, channels: healthy() })).toEqual({
      health: 'healthy',
      reason: 'Replicating, lag 0 s',
    });
  });

  it('is green for a primary that can be read', () => {
    expect(nodeHealth({ ...base, channels: [] }).health).toBe('healthy');
  });

  it('is red with the SQL error’s own text when the SQL thread stopped on it', () => {
    expect(nodeHealth({ ...base, channels: channels('mariadb-10.11-broken-sql') })).toEqual({
      health: 'broken',
      reason: expect.stringContaining("Duplicate entry '3' for key 'PRIMARY'"),
    });
    expect(nodeHealth({ ...base, channels: channels('mysql-5.7-broken-sql') }).reason).toBe(
      "Error executing row event: 'Table 'apptest.app01' doesn't exist'",
    );
  });

  it('is red on a thread stopped without an error (STOP REPLICA)', () => {
    expect(nodeHealth({ ...base, channels: healthy({ ioThread: 'stopped' }) })).toEqual({
      health: 'broken',
      reason: 'The IO thread is stopped',
    });
  });

  it('is red when the IO thread retries with an error, amber while it connects without one', () => {
    const multi = nodeHealth({ ...base, channels: channels('mariadb-10.11-multi-source') });
    expect(multi.health).toBe('broken');
    expect(multi.reason).toMatch(/^nowhere: error connecting to master/);
    expect(nodeHealth({ ...base, channels: healthy({ ioThread: 'connecting' }) }).health).toBe('lagging');
  });

  it('ignores an old error left on a running thread', () => {
    const stale = { errno: 2003, message: 'old', at: null };
    expect(nodeHealth({ ...base, channels: healthy({ lastIoError: stale }) }).health).toBe('healthy');
  });

  it('is amber when Seconds_Behind exceeds the threshold, not when it equals it', () => {
    expect(nodeHealth({ ...base, channels: healthy({ secondsBehind: 6 }) })).toEqual({
      health: 'lagging',
      reason: 'Lag 6 s, above the 5 s threshold',
    });
    expect(nodeHealth({ ...base, channels: healthy({ secondsBehind: 5 }) }).health).toBe('healthy');
  });

  it('counts a configured delay as lag', () => {
    const delayed = channels('mariadb-10.11-delayed');
    expect(nodeHealth({ ...base, thresholdSeconds: 2, channels: delayed })).toEqual({
      health: 'lagging',
      reason: 'Configured delay 3 s, above the 2 s threshold (lag now 1 s)',
    });
    expect(nodeHealth({ ...base, channels: delayed }).health).toBe('healthy');
  });

  it('prefers the heartbeat’s measured lag over Seconds_Behind', () => {
    const measured = { lagMs: 7200, at: '2026-01-01T00:00:00.000Z', source: 'heartbeat-table' as const };
    expect(nodeHealth({ ...base, measured, channels: healthy({ secondsBehind: 0 }) })).toEqual({
      health: 'lagging',
      reason: 'Lag 7.2 s, above the 5 s threshold',
    });
    const fast = { ...measured, lagMs: 12 };
    expect(nodeHealth({ ...base, measured: fast, channels: healthy({ secondsBehind: 9 }) }).reason).toBe(
      'Replicating, lag 12 ms',
    );
  });

  it('is grey with the connection error when the node cannot be read', () => {
    expect(
      nodeHealth({
        ...base,
        channels: null,
        error: { message: 'Cannot reach 127.0.0.1:1: connection refused.' },
      }),
    ).toEqual({ health: 'unreachable', reason: 'Cannot reach 127.0.0.1:1: connection refused.' });
  });
});

describe('nodeRole', () => {
  it('names the four roles', () => {
    expect(nodeRole(false, true)).toBe('primary');
    expect(nodeRole(true, false)).toBe('replica');
    expect(nodeRole(true, true)).toBe('relay');
    expect(nodeRole(false, false)).toBe('standalone');
  });
});
