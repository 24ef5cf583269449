import {
  GetMetricDataCommand,
  type CloudWatchClient,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import {
  INSTANCE_METRICS,
  REPLICA_METRICS,
  type InstanceMetricName,
  type InstanceMetrics,
  type MetricSeries,
} from '../../shared/models/cloudwatch';
import { awsCodeOf, toAwsError } from './aws-errors';
import { collectPages } from './paging';

export type CloudWatchSender = Pick<CloudWatchClient, 'send'>;

// GetMetricData returns no unit unless asked for one; these are the units RDS publishes them in.
const UNITS: Record<InstanceMetricName, string> = {
  CPUUtilization: 'Percent',
  FreeableMemory: 'Bytes',
  DatabaseConnections: 'Count',
  ReadIOPS: 'Count/Second',
  WriteIOPS: 'Count/Second',
  ReplicaLag: 'Seconds',
};

const PERIOD_SECONDS = 60;

// What an endpoint without CloudWatch answers: an edge that serves other services (the lab's
// `UnknownOperationException`, Query's `InvalidAction`) or an SDK that finds no endpoint for it.
const NO_SERVICE_CODES = new Set(['UnknownOperationException', 'InvalidAction', 'UnknownEndpoint']);

export const LAB_NO_CLOUDWATCH = 'CloudWatch is not available on the local lab.';

export interface MetricsRequest {
  id: string;
  isReplica?: boolean;
  minutes?: number;
  /** Injected for tests; the window ends now. */
  now?: () => Date;
}

/** The metrics charted for an instance, in the order shown. */
export function metricsFor(isReplica: boolean | undefined): InstanceMetricName[] {
  return isReplica ? [...INSTANCE_METRICS, ...REPLICA_METRICS] : [...INSTANCE_METRICS];
}

/** One query per metric, averaged per minute; ids are `m0`, `m1`… as CloudWatch wants (lowercase first). */
export function metricQueries(id: string, metrics: readonly InstanceMetricName[]): MetricDataQuery[] {
  return metrics.map((metric, index) => ({
    Id: `m${index}`,
    Label: metric,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/RDS',
        MetricName: metric,
        Dimensions: [{ Name: 'DBInstanceIdentifier', Value: id }],
      },
      Period: PERIOD_SECONDS,
      Stat: 'Average',
    },
  }));
}

/**
 * MetricDataResults (possibly spread over pages, a query's points split between them) → one series per
 * metric, points sorted by time whatever order CloudWatch sent them in.
 */
export function toMetricSeries(
  metrics: readonly InstanceMetricName[],
  results: readonly MetricDataResult[],
): MetricSeries[] {
  return metrics.map((metric, index) => {
    const points: { t: number; v: number }[] = [];
    for (const result of results) {
      if (result.Id !== `m${index}`) continue;
      const times = result.Timestamps ?? [];
      const values = result.Values ?? [];
      times.forEach((time, i) => {
        const v = values[i];
        if (v !== undefined && Number.isFinite(v)) points.push({ t: new Date(time).getTime(), v });
      });
    }
    points.sort((a, b) => a.t - b.t);
    return {
      metric,
      unit: UNITS[metric],
      points: points.map((p) => ({ t: new Date(p.t).toISOString(), v: p.v })),
    };
  });
}

/** The last hour (by default) of an instance's metrics, following NextToken to the end. */
export async function instanceMetrics(
  cloudwatch: CloudWatchSender,
  region: string,
  req: MetricsRequest,
): Promise<InstanceMetrics> {
  const metrics = metricsFor(req.isReplica);
  const end = (req.now ?? (() => new Date()))();
  const start = new Date(end.getTime() - (req.minutes ?? 60) * 60_000);
  try {
    const results = await collectPages(async (NextToken) => {
      const page = await cloudwatch.send(
        new GetMetricDataCommand({
          MetricDataQueries: metricQueries(req.id, metrics),
          StartTime: start,
          EndTime: end,
          ScanBy: 'TimestampAscending',
          NextToken,
        }),
      );
      return { items: page.MetricDataResults, next: page.NextToken };
    });
    return { available: true, series: toMetricSeries(metrics, results) };
  } catch (err) {
    if (isNoCloudWatch(err)) {
      return {
        available: false,
        reason: `CloudWatch is not available at this endpoint in ${region} (${awsCodeOf(err) ?? 'no service'}).`,
      };
    }
    throw toAwsError(err, `Reading CloudWatch metrics of ${req.id} in ${region}`);
  }
}

/** The endpoint has no CloudWatch at all, as opposed to a CloudWatch that refused the call. */
export function isNoCloudWatch(err: unknown): boolean {
  const code = awsCodeOf(err);
  return code !== undefined && NO_SERVICE_CODES.has(code);
}
