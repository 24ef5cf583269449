/** The instance metrics the RDS detail panel charts; ReplicaLag only for read replicas. */
export const INSTANCE_METRICS = [
  'CPUUtilization',
  'FreeableMemory',
  'DatabaseConnections',
  'ReadIOPS',
  'WriteIOPS',
] as const;
export const REPLICA_METRICS = ['ReplicaLag'] as const;

export type InstanceMetricName = (typeof INSTANCE_METRICS)[number] | (typeof REPLICA_METRICS)[number];

export interface MetricPoint {
  /** ISO 8601, ascending within a series. */
  t: string;
  v: number;
}

export interface MetricSeries {
  metric: InstanceMetricName;
  /** CloudWatch's unit for the metric as RDS publishes it (`Percent`, `Bytes`, `Count/Second`…). */
  unit: string;
  points: MetricPoint[];
}

/**
 * A capability, not an error: an endpoint without CloudWatch (the local lab) answers
 * `available: false` with a sentence the panel shows as it is.
 */
export type InstanceMetrics =
  { available: true; series: MetricSeries[] } | { available: false; reason: string };
