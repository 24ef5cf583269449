import type { RdsInstance } from '@shared/models/rds';
import { endpointText, engineText } from './instance-format';
import { isBroken, isTransitional } from './instance-status';

export type StatusFilter = 'all' | 'available' | 'moving' | 'stopped' | 'problems';
export type RoleFilter = 'all' | RdsInstance['role'];

export interface InstanceFilter {
  search: string;
  status: StatusFilter;
  role: RoleFilter;
}

export const NO_FILTER: InstanceFilter = { search: '', status: 'all', role: 'all' };

function matchesStatus(i: RdsInstance, status: StatusFilter): boolean {
  switch (status) {
    case 'all':
      return true;
    case 'available':
      return i.status === 'available';
    case 'moving':
      return isTransitional(i.status);
    case 'stopped':
      return i.status === 'stopped';
    case 'problems':
      return isBroken(i.status) || (i.replication !== undefined && !i.replication.normal);
  }
}

/** The text a search looks in: identifier, engine, class, region, AZ, endpoint, status, tags. */
function haystack(i: RdsInstance): string {
  return [
    i.id,
    engineText(i),
    i.instanceClass,
    i.region,
    i.availabilityZone,
    endpointText(i),
    i.status,
    i.role,
    i.sourceId,
    ...i.tags.map((t) => `${t.key}=${t.value}`),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

/** Every word of the search must appear somewhere (so "mysql replica" narrows, not widens). */
export function filterInstances(list: readonly RdsInstance[], filter: InstanceFilter): RdsInstance[] {
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  return list.filter((i) => {
    if (!matchesStatus(i, filter.status)) return false;
    if (filter.role !== 'all' && i.role !== filter.role) return false;
    if (words.length === 0) return true;
    const text = haystack(i);
    return words.every((w) => text.includes(w));
  });
}
