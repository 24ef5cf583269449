import type { RdsInstance } from '@shared/models/rds';

/** `mariadb 10.11.19` */
export function engineText(i: RdsInstance): string {
  return i.engineVersion ? `${i.engine} ${i.engineVersion}` : i.engine;
}

/** `host:port`, or empty while RDS has not assigned an endpoint yet (creating). */
export function endpointText(i: RdsInstance): string {
  return i.endpoint ? `${i.endpoint.address}:${i.endpoint.port}` : '';
}

/** `gp3 · 100 GiB · 3000 IOPS · 125 MiB/s` */
export function storageText(i: RdsInstance): string {
  const { type, allocatedGiB, iops, throughputMiBps } = i.storage;
  const parts: string[] = [];
  if (type) parts.push(type);
  if (allocatedGiB !== undefined) parts.push(`${allocatedGiB} GiB`);
  if (iops !== undefined) parts.push(`${iops} IOPS`);
  if (throughputMiBps !== undefined) parts.push(`${throughputMiBps} MiB/s`);
  return parts.join(' · ');
}

/** Retention in days; 0 means automated backups are off (and replicas of MySQL cannot be made). */
export function backupText(i: RdsInstance): string {
  const days = i.backupRetentionDays;
  if (days === undefined) return '';
  if (days === 0) return 'off';
  return days === 1 ? '1 day' : `${days} days`;
}

/** `primary`, `replica of myrdslab`, `replica of db1 (eu-west-1)` for a cross-region source. */
export function roleText(i: RdsInstance): string {
  if (i.role !== 'replica') return i.role;
  const source = i.source ?? (i.sourceId ? { id: i.sourceId, region: i.region } : undefined);
  if (!source) return 'replica';
  return source.region === i.region
    ? `replica of ${source.id}`
    : `replica of ${source.id} (${source.region})`;
}
