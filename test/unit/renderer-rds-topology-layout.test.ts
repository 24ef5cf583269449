import { describe, expect, it } from 'vitest';
import type { RdsInstance, RdsStatusInfo } from '../../src/shared/models/rds';
import {
  layoutTopology,
  type TopologyNode,
} from '../../src/renderer/src/features/rds/topology/topology-layout';
import { rdsInstance } from './support/rds-instance-fixtures';

const REPLICATING: RdsStatusInfo = { type: 'read replication', status: 'replicating', normal: true };

function instance(overrides: Partial<RdsInstance> & Pick<RdsInstance, 'id'>): RdsInstance {
  return rdsInstance({ engine: 'mysql', ...overrides });
}
/** A replica as the mappers build it: its source named, its replication state read from StatusInfos. */
function replicaOf(
  source: Pick<RdsInstance, 'id' | 'region'> & { arn?: string },
  overrides: Partial<RdsInstance> & Pick<RdsInstance, 'id'>,
): RdsInstance {
  const replication = overrides.replication ?? REPLICATING;
  return instance({
    role: 'replica',
    sourceId: source.id,
    source: { id: source.id, region: source.region, ...(source.arn ? { arn: source.arn } : {}) },
    statusInfos: [replication],
    replication,
    ...overrides,
  });
}

/** Where each node sits, by key: what the graph shows. */
function places(nodes: TopologyNode[]): Record<string, { depth: number; row: number }> {
  return Object.fromEntries(nodes.map((n) => [n.key, { depth: n.depth, row: n.row }]));
}

describe('layoutTopology', () => {
  it('puts a primary in the first column, centred on its two replicas in the next', () => {
    // RDS reports each link from both ends: the primary lists its replicas, each replica its source.
    const primary = instance({
      id: 'orders',
      role: 'primary',
      replicaIds: ['orders-replica-1', 'orders-replica-2'],
      replicas: [
        { id: 'orders-replica-1', region: 'us-east-1' },
        { id: 'orders-replica-2', region: 'us-east-1' },
      ],
    });
    const { nodes, edges } = layoutTopology([
      replicaOf(primary, { id: 'orders-replica-2' }),
      primary,
      replicaOf(primary, { id: 'orders-replica-1' }),
    ]);
    expect(places(nodes)).toEqual({
      'us-east-1/orders': { depth: 0, row: 0.5 },
      'us-east-1/orders-replica-1': { depth: 1, row: 0 },
      'us-east-1/orders-replica-2': { depth: 1, row: 1 },
    });
    expect(edges).toEqual([
      {
        id: 'us-east-1/orders->us-east-1/orders-replica-2',
        source: 'us-east-1/orders',
        target: 'us-east-1/orders-replica-2',
        tone: 'green',
        label: 'replicating',
      },
      {
        id: 'us-east-1/orders->us-east-1/orders-replica-1',
        source: 'us-east-1/orders',
        target: 'us-east-1/orders-replica-1',
        tone: 'green',
        label: 'replicating',
      },
    ]);
    expect(nodes.every((n) => n.instance !== undefined && n.tone === 'green')).toBe(true);
  });

  it('draws a replica of a replica one column further, in a chain', () => {
    const a = instance({ id: 'a', role: 'primary', replicas: [{ id: 'b', region: 'us-east-1' }] });
    // A replica that has replicas of its own is still a replica: RDS gives it a source.
    const b = replicaOf(a, { id: 'b', replicas: [{ id: 'c', region: 'us-east-1' }] });
    const c = replicaOf(b, { id: 'c' });
    const { nodes, edges } = layoutTopology([c, b, a]);
    expect(places(nodes)).toEqual({
      'us-east-1/a': { depth: 0, row: 0 },
      'us-east-1/b': { depth: 1, row: 0 },
      'us-east-1/c': { depth: 2, row: 0 },
    });
    expect(edges.map((e) => e.id).sort()).toEqual(['us-east-1/a->us-east-1/b', 'us-east-1/b->us-east-1/c']);
  });

  it('shows a cross-region source outside the chosen regions as a node without details', () => {
    const source = { id: 'orders', region: 'us-east-1', arn: 'arn:aws:rds:us-east-1:123456789012:db:orders' };
    const { nodes, edges } = layoutTopology([replicaOf(source, { id: 'orders-eu', region: 'eu-west-1' })]);
    const external = nodes.find((n) => n.key === 'us-east-1/orders');
    expect(external).toEqual({
      key: 'us-east-1/orders',
      ref: { id: 'orders', region: 'us-east-1' },
      instance: undefined,
      tone: 'gray',
      depth: 0,
      row: 0,
    });
    expect(places(nodes)['eu-west-1/orders-eu']).toEqual({ depth: 1, row: 0 });
    expect(edges).toEqual([
      {
        id: 'us-east-1/orders->eu-west-1/orders-eu',
        source: 'us-east-1/orders',
        target: 'eu-west-1/orders-eu',
        tone: 'green',
        label: 'replicating',
      },
    ]);
  });

  it('shows a replica in a region not chosen as a node without details, on a grey link', () => {
    const primary = instance({
      id: 'orders',
      role: 'primary',
      replicas: [
        { id: 'orders-eu', region: 'eu-west-1', arn: 'arn:aws:rds:eu-west-1:123456789012:db:orders-eu' },
      ],
    });
    const { nodes, edges } = layoutTopology([primary]);
    expect(nodes.find((n) => n.key === 'eu-west-1/orders-eu')).toMatchObject({
      instance: undefined,
      tone: 'gray',
      depth: 1,
    });
    expect(edges).toEqual([
      {
        id: 'us-east-1/orders->eu-west-1/orders-eu',
        source: 'us-east-1/orders',
        target: 'eu-west-1/orders-eu',
        tone: 'gray',
        label: undefined,
      },
    ]);
  });

  it('gives a listed source its details and tone, whichever order RDS lists them in', () => {
    const primary = instance({ id: 'orders', region: 'eu-west-1', role: 'primary', status: 'stopped' });
    const { nodes } = layoutTopology([
      replicaOf(primary, { id: 'orders-replica', region: 'eu-west-1' }),
      primary,
    ]);
    expect(nodes.find((n) => n.key === 'eu-west-1/orders')).toMatchObject({
      instance: primary,
      tone: 'gray',
    });
  });

  it('lists trees by identifier with a half-row gap between them, standalone instances last', () => {
    const billing = instance({
      id: 'billing',
      role: 'primary',
      replicas: [{ id: 'billing-r', region: 'us-east-1' }],
    });
    const orders = instance({
      id: 'orders',
      role: 'primary',
      replicas: [{ id: 'orders-r', region: 'us-east-1' }],
    });
    const { nodes } = layoutTopology([
      instance({ id: 'analytics' }),
      orders,
      replicaOf(orders, { id: 'orders-r' }),
      billing,
      replicaOf(billing, { id: 'billing-r' }),
    ]);
    expect(places(nodes)).toMatchObject({
      'us-east-1/billing': { depth: 0, row: 0 },
      'us-east-1/billing-r': { depth: 1, row: 0 },
      'us-east-1/orders': { depth: 0, row: 1.5 },
      'us-east-1/orders-r': { depth: 1, row: 1.5 },
      'us-east-1/analytics': { depth: 0, row: 3 },
    });
  });

  it('keeps instances with the same identifier in different regions apart', () => {
    const { nodes } = layoutTopology([
      instance({ id: 'orders' }),
      instance({ id: 'orders', region: 'eu-west-1' }),
    ]);
    expect(nodes.map((n) => n.key).sort()).toEqual(['eu-west-1/orders', 'us-east-1/orders']);
  });

  it('colours a broken link and its replica red, a stopped one grey', () => {
    const primary = instance({ id: 'orders', role: 'primary' });
    const error: RdsStatusInfo = {
      type: 'read replication',
      status: 'error',
      normal: false,
      message: 'SQL thread stopped',
    };
    const { nodes, edges } = layoutTopology([
      primary,
      replicaOf(primary, { id: 'broken', replication: error }),
      replicaOf(primary, { id: 'paused', replication: { ...error, status: 'stopped' } }),
    ]);
    const edge = (target: string) => edges.find((e) => e.target === `us-east-1/${target}`);
    expect(edge('broken')).toMatchObject({ tone: 'red', label: 'error' });
    expect(edge('paused')).toMatchObject({ tone: 'gray', label: 'stopped' });
    expect(nodes.find((n) => n.key === 'us-east-1/broken')?.tone).toBe('red');
  });

  it('draws nothing for no instances', () => {
    expect(layoutTopology([])).toEqual({ nodes: [], edges: [] });
  });
});
