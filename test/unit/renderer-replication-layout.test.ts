import { describe, expect, it } from 'vitest';
import type { ReplicationEdge, ReplicationNode } from '../../src/shared/models/replication';
import { placeForest } from '../../src/renderer/src/components/tree-layout';
import {
  edgeBroken,
  layoutReplication,
} from '../../src/renderer/src/features/replication/graph/replication-layout';

function node(key: string, extra: Partial<ReplicationNode> = {}): ReplicationNode {
  return {
    key,
    label: key,
    host: 'h',
    port: 1,
    access: { kind: 'profile', profileId: 'p' },
    rdsInstanceId: null,
    role: null,
    health: 'healthy',
    healthReason: '',
    server: null,
    channels: [],
    measured: null,
    error: null,
    readMs: null,
    ...extra,
  };
}

describe('placeForest', () => {
  it('centres a parent on its children, trees with children first, then lone nodes', () => {
    const spots = placeForest(
      ['lone', 'p', 'r2', 'r1'],
      new Map([
        ['r1', 'p'],
        ['r2', 'p'],
      ]),
    );
    expect(Object.fromEntries(spots)).toEqual({
      p: { depth: 0, row: 0.5 },
      r1: { depth: 1, row: 0 },
      r2: { depth: 1, row: 1 },
      lone: { depth: 0, row: 2.5 },
    });
  });

  it('still places nodes caught in a cycle (a misconfigured circular replication)', () => {
    const spots = placeForest(
      ['a', 'b'],
      new Map([
        ['a', 'b'],
        ['b', 'a'],
      ]),
    );
    expect(spots.size).toBe(2);
  });
});

describe('layoutReplication', () => {
  it('puts a relay between its primary and its replica', () => {
    const edges: ReplicationEdge[] = [
      { from: 'sid:1', to: 'sid:2', channel: '' },
      { from: 'sid:2', to: 'sid:3', channel: '' },
    ];
    const placed = layoutReplication([node('sid:3'), node('sid:1'), node('sid:2')], edges);
    expect(Object.fromEntries(placed.map((p) => [p.node.key, p.spot.depth]))).toEqual({
      'sid:1': 0,
      'sid:2': 1,
      'sid:3': 2,
    });
  });

  it('draws an edge broken when its channel has a stopped thread', () => {
    const edge: ReplicationEdge = { from: 'sid:1', to: 'sid:2', channel: '' };
    const channel = (sqlThread: 'running' | 'stopped') =>
      ({ channel: '', ioThread: 'running', sqlThread }) as ReplicationNode['channels'][number];
    expect(edgeBroken(edge, [node('sid:2', { channels: [channel('running')] })])).toBe(false);
    expect(edgeBroken(edge, [node('sid:2', { channels: [channel('stopped')] })])).toBe(true);
    expect(edgeBroken(edge, [node('sid:2', { health: 'broken' })])).toBe(true);
  });
});
