import type { RdsInstance, RdsStatusInfo } from '@shared/models/rds';

export type StatusTone = 'green' | 'blue' | 'orange' | 'gray' | 'red';

/**
 * Statuses an instance stays in until someone acts (RDS's "DB instance status" reference). Anything
 * else is on its way somewhere, so lists refresh while one shows. `storage-optimization` can last
 * hours with the instance fully usable, so it does not count as moving.
 */
const SETTLED = new Set([
  'available',
  'stopped',
  'failed',
  'storage-full',
  'storage-optimization',
  'incompatible-network',
  'incompatible-option-group',
  'incompatible-parameters',
  'incompatible-restore',
  'incompatible-credentials',
  'inaccessible-encryption-credentials',
  'inaccessible-encryption-credentials-recoverable',
  'restore-error',
  'insufficient-capacity',
]);

const BROKEN = /^(failed|storage-full|incompatible-|inaccessible-|restore-error|insufficient-capacity)/;

export function isTransitional(status: string): boolean {
  return !SETTLED.has(status);
}

/** A settled status that needs someone to fix something. */
export function isBroken(status: string): boolean {
  return BROKEN.test(status);
}

export function statusTone(status: string): StatusTone {
  if (status === 'available' || status === 'storage-optimization') return 'green';
  if (status === 'stopped') return 'gray';
  if (isBroken(status)) return 'red';
  if (status === 'stopping' || status === 'deleting') return 'orange';
  return 'blue';
}

/** StatusInfos' `read replication`: replicating green, error red, stopped grey, others on the way. */
export function replicationTone(info: RdsStatusInfo): StatusTone {
  switch (info.status) {
    case 'replicating':
      return 'green';
    case 'error':
    case 'terminated':
      return 'red';
    case 'stopped':
      return 'gray';
    default:
      return info.normal ? 'blue' : 'orange';
  }
}

/** The worse of the instance's own status and its replication state: what a graph node shows. */
export function nodeTone(instance: RdsInstance): StatusTone {
  const own = statusTone(instance.status);
  if (own !== 'green' || !instance.replication) return own;
  return replicationTone(instance.replication);
}

export function anyTransitional(instances: readonly RdsInstance[]): boolean {
  return instances.some((i) => isTransitional(i.status));
}

/** Mantine colour names for each tone. */
export const TONE_COLOR: Record<StatusTone, string> = {
  green: 'green',
  blue: 'blue',
  orange: 'orange',
  gray: 'gray',
  red: 'red',
};
