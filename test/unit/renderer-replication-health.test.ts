import { describe, expect, it } from 'vitest';
import type {
  NodeHealth,
  ReplicaStatus,
  ReplicationNode,
  ReplicationSnapshot,
} from '../../src/shared/models/replication';
import {
  canNotifyDesktop,
  describeChange,
  healthChanges,
} from '../../src/renderer/src/features/replication/health-changes';
import { appendLag, LAG_WINDOW_MS } from '../../src/renderer/src/features/replication/lag-history';

function channel(secondsBehind: number | null): ReplicaStatus {
  return {
    channel: '',
    ioThread: 'running',
    sqlThread: 'running',
    ioState: '',
    sqlState: '',
    secondsBehind,
    sourceHost: '127.0.0.1',
    sourcePort: 3306,
    sourceUser: 'repl',
    sourceServerId: 1,
    sourceUuid: null,
    gtidMode: 'Slave_Pos',
    gtidReceived: null,
    gtidExecuted: null,
    sourceLogFile: '',
    readSourceLogPos: null,
    relaySourceLogFile: '',
    execSourceLogPos: null,
    relayLogFile: '',
    relayLogPos: null,
    lastIoError: null,
    lastSqlError: null,
    sqlDelay: 0,
    sqlRemainingDelay: null,
    raw: {},
  };
}

function node(key: string, health: NodeHealth, extra: Partial<ReplicationNode> = {}): ReplicationNode {
  return {
    key,
    label: key,
    host: '127.0.0.1',
    port: 3306,
    access: { kind: 'profile', profileId: 'p1' },
    rdsInstanceId: null,
    role: 'replica',
    health,
    healthReason: '',
    server: null,
    channels: [],
    measured: null,
    error: null,
    readMs: 1,
    ...extra,
  };
}

function snapshot(takenAt: string, nodes: ReplicationNode[], monitorId = 'm1'): ReplicationSnapshot {
  return {
    monitorId,
    takenAt,
    nodes,
    edges: [],
    refreshMs: 5,
    lagThresholdSeconds: 5,
    heartbeat: { enabled: false, mode: 'rds', schema: 'rdx', intervalMs: 1000, error: null },
  };
}

describe('healthChanges', () => {
  const first = snapshot('2026-01-01T00:00:00Z', [node('primary', 'healthy'), node('replica', 'healthy')]);

  it('says nothing about the first snapshot', () => {
    expect(healthChanges(null, first)).toEqual([]);
  });

  it('reports a node whose health changed, with the reason the server gave', () => {
    const broken = snapshot('2026-01-01T00:00:02Z', [
      node('primary', 'healthy'),
      node('replica', 'broken', { healthReason: "Duplicate entry '3' for key 'PRIMARY'" }),
    ]);
    expect(healthChanges(first, broken)).toEqual([
      {
        key: 'replica',
        label: 'replica',
        from: 'healthy',
        to: 'broken',
        reason: "Duplicate entry '3' for key 'PRIMARY'",
      },
    ]);
    expect(healthChanges(broken, broken)).toEqual([]);
  });

  it('ignores nodes that appear or disappear, and another monitor’s snapshot', () => {
    const grown = snapshot('2026-01-01T00:00:02Z', [node('primary', 'healthy'), node('new', 'broken')]);
    expect(healthChanges(first, grown)).toEqual([]);
    const other = snapshot('2026-01-01T00:00:02Z', [node('replica', 'broken')], 'm2');
    expect(healthChanges(first, other)).toEqual([]);
  });
});

describe('describeChange', () => {
  it('keeps a worsening until read and lets a recovery go', () => {
    const worse = describeChange({
      key: 'r',
      label: 'myrdslab-replica',
      from: 'healthy',
      to: 'broken',
      reason: 'SQL error',
    });
    expect(worse).toEqual({
      title: 'myrdslab-replica: broken',
      message: 'SQL error (was healthy)',
      color: 'red',
      better: false,
    });
    const better = describeChange({ key: 'r', label: 'r1', from: 'unreachable', to: 'healthy', reason: '' });
    expect(better).toMatchObject({ title: 'r1: healthy', message: 'It was unreachable.', better: true });
  });

  it('notifies the desktop only with the permission granted', () => {
    expect(canNotifyDesktop('granted')).toBe(true);
    expect(canNotifyDesktop('default')).toBe(false);
    expect(canNotifyDesktop('denied')).toBe(false);
    expect(canNotifyDesktop('unsupported')).toBe(false);
  });
});

describe('appendLag', () => {
  const replica = (reported: number | null, measuredMs: number | null) =>
    node('replica', 'healthy', {
      channels: [channel(reported)],
      measured: { lagMs: measuredMs, at: null, source: 'heartbeat-table' },
    });

  it('adds one point per snapshot for nodes with lag, in seconds', () => {
    const h1 = appendLag(
      {},
      snapshot('2026-01-01T00:00:00Z', [node('primary', 'healthy'), replica(3, 2500)]),
    );
    expect(h1).toEqual({ replica: [{ t: Date.parse('2026-01-01T00:00:00Z'), reported: 3, measured: 2.5 }] });
    const s2 = snapshot('2026-01-01T00:00:02Z', [replica(null, null)]);
    const h2 = appendLag(h1, s2);
    expect(h2['replica']).toHaveLength(2);
    expect(h2['replica']?.[1]).toMatchObject({ reported: null, measured: null });
    // The same snapshot again adds nothing.
    expect(appendLag(h2, s2)['replica']).toHaveLength(2);
  });

  it('forgets points older than the window', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    let h = appendLag({}, snapshot(new Date(start).toISOString(), [replica(1, 10)]));
    h = appendLag(h, snapshot(new Date(start + LAG_WINDOW_MS / 2).toISOString(), [replica(2, 10)]));
    h = appendLag(h, snapshot(new Date(start + LAG_WINDOW_MS + 1000).toISOString(), [replica(3, 10)]));
    expect(h['replica']?.map((s) => s.reported)).toEqual([2, 3]);
  });
});
