import type { InstanceMetricName } from '@shared/models/cloudwatch';

export const METRIC_TITLES: Record<InstanceMetricName, string> = {
  CPUUtilization: 'CPU',
  FreeableMemory: 'Freeable memory',
  DatabaseConnections: 'Connections',
  ReadIOPS: 'Read IOPS',
  WriteIOPS: 'Write IOPS',
  ReplicaLag: 'Replica lag',
};

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** A value in the metric's unit, short enough for an axis tick. */
export function metricValueText(unit: string, v: number): string {
  if (unit === 'Percent') return `${round(v)}%`;
  if (unit === 'Seconds') return `${round(v)} s`;
  if (unit === 'Bytes') {
    let n = v;
    let i = 0;
    while (Math.abs(n) >= 1024 && i < BYTE_UNITS.length - 1) {
      n /= 1024;
      i++;
    }
    return `${round(n)} ${BYTE_UNITS[i]}`;
  }
  if (unit === 'Count/Second') return `${round(v)}/s`;
  return String(round(v));
}

function round(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}
