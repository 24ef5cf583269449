import type { RdsInstance } from '@shared/models/rds';

/** Identifiers are unique per account and region only: the region is part of every key. */
export interface InstanceRef {
  region: string;
  id: string;
}

export function instanceKey(ref: InstanceRef): string {
  return `${ref.region}/${ref.id}`;
}

export function sameInstance(a: InstanceRef | null | undefined, b: InstanceRef): boolean {
  return a?.region === b.region && a.id === b.id;
}

export function findInstance(list: readonly RdsInstance[], ref: InstanceRef | null): RdsInstance | undefined {
  return ref ? list.find((i) => sameInstance(ref, i)) : undefined;
}
