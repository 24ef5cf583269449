import type { RdsInstance } from '@shared/models/rds';
import { instanceKey } from './instance-key';

function parentKey(i: RdsInstance): string | undefined {
  if (i.role !== 'replica') return undefined;
  if (i.source) return instanceKey(i.source);
  return i.sourceId ? instanceKey({ id: i.sourceId, region: i.region }) : undefined;
}

/** Each primary followed by its replicas (depth first), trees and siblings by identifier. */
export function topologyOrder(list: readonly RdsInstance[]): RdsInstance[] {
  const keys = new Set(list.map(instanceKey));
  const children = new Map<string, RdsInstance[]>();
  const roots: RdsInstance[] = [];
  for (const i of list) {
    const parent = parentKey(i);
    if (parent && keys.has(parent)) children.set(parent, [...(children.get(parent) ?? []), i]);
    else roots.push(i);
  }
  const byId = (a: RdsInstance, b: RdsInstance) =>
    a.id.localeCompare(b.id) || a.region.localeCompare(b.region);
  const out: RdsInstance[] = [];
  const seen = new Set<string>();
  const visit = (i: RdsInstance) => {
    const key = instanceKey(i);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(i);
    for (const child of (children.get(key) ?? []).sort(byId)) visit(child);
  };
  roots.sort(byId).forEach(visit);
  return out;
}
