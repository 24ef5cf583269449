import { describe, expect, it } from 'vitest';
import type { RdsInstance } from '../../src/shared/models/rds';
import {
  filterInstances,
  NO_FILTER,
  type InstanceFilter,
} from '../../src/renderer/src/features/rds/filter-instances';
import { topologyOrder } from '../../src/renderer/src/features/rds/instance-order';
import { rdsInstance, replicationInfo } from './support/rds-instance-fixtures';

function instance(overrides: Partial<RdsInstance> & Pick<RdsInstance, 'id'>): RdsInstance {
  return rdsInstance({
    engine: 'mysql',
    engineVersion: '8.0.35',
    instanceClass: 'db.t3.micro',
    availabilityZone: 'us-east-1a',
    ...overrides,
  });
}
const replication = replicationInfo;

// One account's instances across two regions, in the states a user meets.
const FLEET: RdsInstance[] = [
  instance({
    id: 'orders',
    role: 'primary',
    instanceClass: 'db.m5.large',
    endpoint: { address: 'orders.abcdefghijkl.us-east-1.rds.amazonaws.com', port: 3306 },
    tags: [{ key: 'team', value: 'checkout' }],
  }),
  instance({
    id: 'orders-replica',
    role: 'replica',
    sourceId: 'orders',
    status: 'modifying',
    replication: replication('replicating', true),
  }),
  instance({
    id: 'orders-eu',
    region: 'eu-west-1',
    availabilityZone: 'eu-west-1b',
    role: 'replica',
    sourceId: 'orders',
    replication: replication('error', false),
  }),
  instance({ id: 'reports', engine: 'mariadb', engineVersion: '10.11.9', status: 'stopped' }),
  instance({ id: 'archive', status: 'storage-full', tags: [{ key: 'env', value: 'prod' }] }),
  instance({ id: 'staging', status: 'creating', tags: [{ key: 'env', value: 'staging' }] }),
  instance({ id: 'analytics', status: 'storage-optimization' }),
  instance({ id: 'legacy', status: 'incompatible-parameters' }),
];

const ids = (filter: Partial<InstanceFilter>) =>
  filterInstances(FLEET, { ...NO_FILTER, ...filter }).map((i) => i.id);

describe('filterInstances by status', () => {
  it('shows everything, in the order given, with no filter', () => {
    expect(ids({})).toEqual(FLEET.map((i) => i.id));
  });

  it('available: only instances that say exactly that', () => {
    expect(ids({ status: 'available' })).toEqual(['orders', 'orders-eu']);
  });

  it('moving: instances on their way somewhere, not a long storage optimisation', () => {
    expect(ids({ status: 'moving' })).toEqual(['orders-replica', 'staging']);
  });

  it('stopped: only stopped instances', () => {
    expect(ids({ status: 'stopped' })).toEqual(['reports']);
  });

  it('problems: broken statuses and replicas whose replication is not normal', () => {
    expect(ids({ status: 'problems' })).toEqual(['orders-eu', 'archive', 'legacy']);
  });
});

describe('filterInstances by role', () => {
  it('keeps only the chosen role', () => {
    expect(ids({ role: 'primary' })).toEqual(['orders']);
    expect(ids({ role: 'replica' })).toEqual(['orders-replica', 'orders-eu']);
    expect(ids({ role: 'standalone' })).toEqual(['reports', 'archive', 'staging', 'analytics', 'legacy']);
  });

  it('combines with the status filter', () => {
    expect(ids({ role: 'replica', status: 'problems' })).toEqual(['orders-eu']);
  });
});

describe('filterInstances by search', () => {
  it('ignores case and surrounding spaces', () => {
    expect(ids({ search: '  ORDERS-EU ' })).toEqual(['orders-eu']);
  });

  it('narrows with every word instead of widening', () => {
    expect(ids({ search: 'mysql replica' })).toEqual(['orders-replica', 'orders-eu']);
    expect(ids({ search: 'mariadb replica' })).toEqual([]);
  });

  it('finds by engine and version, class, region, zone and endpoint', () => {
    expect(ids({ search: 'mariadb 10.11' })).toEqual(['reports']);
    expect(ids({ search: 'db.m5' })).toEqual(['orders']);
    expect(ids({ search: 'eu-west-1' })).toEqual(['orders-eu']);
    expect(ids({ search: 'eu-west-1b' })).toEqual(['orders-eu']);
    expect(ids({ search: 'abcdefghijkl.us-east-1.rds.amazonaws.com:3306' })).toEqual(['orders']);
  });

  it('finds by status and by tag key=value', () => {
    expect(ids({ search: 'storage-full' })).toEqual(['archive']);
    expect(ids({ search: 'env=prod' })).toEqual(['archive']);
    expect(ids({ search: 'team=checkout' })).toEqual(['orders']);
  });

  it("finds a source's replicas by the source's identifier", () => {
    expect(ids({ search: 'orders', role: 'replica' })).toEqual(['orders-replica', 'orders-eu']);
  });

  it('applies the search within the status filter', () => {
    expect(ids({ search: 'env=', status: 'moving' })).toEqual(['staging']);
  });
});

describe('topologyOrder (the table order before any header is clicked)', () => {
  it('puts each primary before its replicas, depth first, trees and siblings by identifier', () => {
    const list = [
      instance({ id: 'zeta' }),
      instance({ id: 'b-2', role: 'replica', sourceId: 'b' }),
      instance({ id: 'a-1-x', role: 'replica', sourceId: 'a-1' }),
      instance({ id: 'a', role: 'primary' }),
      instance({ id: 'b', role: 'primary' }),
      instance({ id: 'a-1', role: 'replica', sourceId: 'a' }),
      instance({ id: 'b-1', role: 'replica', sourceId: 'b' }),
      instance({ id: 'a-0', role: 'replica', sourceId: 'a' }),
    ];
    expect(topologyOrder(list).map((i) => i.id)).toEqual([
      'a',
      'a-0',
      'a-1',
      'a-1-x',
      'b',
      'b-1',
      'b-2',
      'zeta',
    ]);
  });

  it('places a cross-region replica under its listed source, and alone when the source is not listed', () => {
    const eu = instance({
      id: 'orders-eu',
      region: 'eu-west-1',
      role: 'replica',
      sourceId: 'orders',
      source: { id: 'orders', region: 'us-east-1' },
    });
    const primary = instance({ id: 'orders', role: 'primary' });
    const other = instance({ id: 'billing' });
    expect(topologyOrder([eu, other, primary]).map((i) => `${i.region}/${i.id}`)).toEqual([
      'us-east-1/billing',
      'us-east-1/orders',
      'eu-west-1/orders-eu',
    ]);
    expect(topologyOrder([eu, other]).map((i) => i.id)).toEqual(['billing', 'orders-eu']);
  });

  it('orders the same identifier in two regions by region, keeping each replica with its own source', () => {
    const list = [
      instance({ id: 'orders-replica', region: 'us-east-1', role: 'replica', sourceId: 'orders' }),
      instance({ id: 'orders', region: 'us-east-1', role: 'primary' }),
      instance({ id: 'orders', region: 'eu-west-1' }),
    ];
    expect(topologyOrder(list).map((i) => `${i.region}/${i.id}`)).toEqual([
      'eu-west-1/orders',
      'us-east-1/orders',
      'us-east-1/orders-replica',
    ]);
  });
});
