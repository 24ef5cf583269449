import type { RdsInstance } from '@shared/models/rds';

// gp3 has baseline IOPS and throughput below these sizes, and RDS refuses values for them there
// ("You can't specify IOPS or storage throughput for engine … and a storage size less than 400").
const GP3_BASELINE_BELOW_GIB: Record<string, number> = { oracle: 200 };
const DEFAULT_GP3_BASELINE_BELOW_GIB = 400;

/** The IOPS and throughput an export may state: io1/io2 always, gp3 only where RDS accepts them. */
export function provisionedStorage(i: RdsInstance): { iops?: number; throughputMiBps?: number } {
  const { type, iops, throughputMiBps, allocatedGiB } = i.storage;
  if (type === 'io1' || type === 'io2') return { iops, throughputMiBps };
  if (type !== 'gp3') return {};
  const family = Object.keys(GP3_BASELINE_BELOW_GIB).find((name) => i.engine.startsWith(name));
  const threshold = family
    ? (GP3_BASELINE_BELOW_GIB[family] ?? DEFAULT_GP3_BASELINE_BELOW_GIB)
    : DEFAULT_GP3_BASELINE_BELOW_GIB;
  return allocatedGiB !== undefined && allocatedGiB >= threshold ? { iops, throughputMiBps } : {};
}
