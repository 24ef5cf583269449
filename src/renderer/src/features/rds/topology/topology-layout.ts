import type { RdsInstance } from '@shared/models/rds';
import { placeForest } from '@renderer/components/tree-layout';
import { instanceKey, type InstanceRef } from '../instance-key';
import { nodeTone, replicationTone, type StatusTone } from '../instance-status';

export interface TopologyNode {
  key: string;
  ref: InstanceRef;
  /** Absent for an instance known only by a link (its region is not among those chosen). */
  instance?: RdsInstance;
  tone: StatusTone;
  depth: number;
  row: number;
}

export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  tone: StatusTone;
  /** The replica's replication state (`replicating`, `error`…), when known. */
  label?: string;
}

function parentRef(i: RdsInstance): InstanceRef | undefined {
  if (i.role !== 'replica') return undefined;
  if (i.source) return { id: i.source.id, region: i.source.region };
  return i.sourceId ? { id: i.sourceId, region: i.region } : undefined;
}

/**
 * Columns by replication depth (primaries, their replicas, replicas of those…), one row per leaf,
 * each parent centred on its children, a half-row gap between trees; standalone instances last.
 * Sources and replicas outside the chosen regions still appear, as nodes without details.
 */
export function layoutTopology(instances: readonly RdsInstance[]): {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
} {
  const nodes = new Map<string, TopologyNode>();
  const parent = new Map<string, string>();
  const ensure = (ref: InstanceRef, instance?: RdsInstance): string => {
    const key = instanceKey(ref);
    const known = nodes.get(key);
    if (!known)
      nodes.set(key, { key, ref, instance, tone: instance ? nodeTone(instance) : 'gray', depth: 0, row: 0 });
    else if (instance && !known.instance) Object.assign(known, { instance, tone: nodeTone(instance) });
    return key;
  };
  const link = (from: string, to: string) => {
    if (parent.has(to) || from === to) return;
    parent.set(to, from);
  };
  for (const i of instances) ensure(i, i);
  for (const i of instances) {
    const key = instanceKey(i);
    const source = parentRef(i);
    if (source) link(ensure(source), key);
    for (const r of i.replicas) link(key, ensure(r));
  }

  for (const [key, spot] of placeForest([...nodes.keys()], parent)) {
    const node = nodes.get(key);
    if (node) Object.assign(node, spot);
  }

  const edges: TopologyEdge[] = [...parent.entries()].map(([child, source]) => {
    const replication = nodes.get(child)?.instance?.replication;
    return {
      id: `${source}->${child}`,
      source,
      target: child,
      tone: replication ? replicationTone(replication) : 'gray',
      label: replication?.status,
    };
  });
  return { nodes: [...nodes.values()], edges };
}
