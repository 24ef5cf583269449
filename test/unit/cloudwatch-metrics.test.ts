import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instanceMetrics, metricQueries } from '../../src/main/aws/cloudwatch-metrics';
import { LAB_PROFILE } from '../../src/shared/models/aws';
import { dispatch } from '../../src/shared/rpc';
import { tempServices } from './support/temp-services';

const NOW = new Date('2026-11-25T12:00:00Z');
const at = (minute: number) => new Date(NOW.getTime() - (60 - minute) * 60_000);

let client: CloudWatchClient;
let mock: ReturnType<typeof mockClient>;
beforeEach(() => {
  client = new CloudWatchClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  mock = mockClient(client);
});
afterEach(() => client.destroy());

describe('instanceMetrics', () => {
  it('asks for the last hour per minute and sorts out-of-order points, merging NextToken pages', async () => {
    // Shaped as the GetMetricData reference documents: results by Id with Label, Timestamps, Values,
    // StatusCode; a query's points may continue on the next page.
    mock
      .on(GetMetricDataCommand, { NextToken: undefined })
      .resolves({
        MetricDataResults: [
          {
            Id: 'm0',
            Label: 'CPUUtilization',
            Timestamps: [at(2), at(0), at(1)],
            Values: [30, 10, 20],
            StatusCode: 'PartialData',
          },
          { Id: 'm1', Label: 'FreeableMemory', Timestamps: [at(0)], Values: [1024], StatusCode: 'Complete' },
        ],
        NextToken: 'page-2',
      })
      .on(GetMetricDataCommand, { NextToken: 'page-2' })
      .resolves({
        MetricDataResults: [
          { Id: 'm0', Label: 'CPUUtilization', Timestamps: [at(3)], Values: [40], StatusCode: 'Complete' },
          {
            Id: 'm5',
            Label: 'ReplicaLag',
            Timestamps: [at(1), at(0)],
            Values: [2, 1],
            StatusCode: 'Complete',
          },
        ],
      });

    const result = await instanceMetrics(client, 'eu-west-1', {
      id: 'orders-replica',
      isReplica: true,
      now: () => NOW,
    });

    expect(result.available).toBe(true);
    if (!result.available) return;
    expect(result.series.map((s) => s.metric)).toEqual([
      'CPUUtilization',
      'FreeableMemory',
      'DatabaseConnections',
      'ReadIOPS',
      'WriteIOPS',
      'ReplicaLag',
    ]);
    expect(result.series[0]).toEqual({
      metric: 'CPUUtilization',
      unit: 'Percent',
      points: [0, 1, 2, 3].map((m) => ({ t: at(m).toISOString(), v: (m + 1) * 10 })),
    });
    expect(result.series[2]?.points).toEqual([]);
    expect(result.series[5]?.points.map((p) => p.v)).toEqual([1, 2]);

    const calls = mock.commandCalls(GetMetricDataCommand);
    expect(calls).toHaveLength(2);
    const input = calls[0]!.args[0].input;
    expect(input.StartTime).toEqual(new Date(NOW.getTime() - 3_600_000));
    expect(input.EndTime).toEqual(NOW);
    expect(input.MetricDataQueries?.[0]?.MetricStat).toMatchObject({
      Period: 60,
      Stat: 'Average',
      Metric: {
        Namespace: 'AWS/RDS',
        MetricName: 'CPUUtilization',
        Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'orders-replica' }],
      },
    });
  });

  it('charts no ReplicaLag for a primary', () => {
    const names = metricQueries('orders', ['CPUUtilization', 'WriteIOPS']).map(
      (q) => q.MetricStat?.Metric?.MetricName,
    );
    expect(names).toEqual(['CPUUtilization', 'WriteIOPS']);
  });

  it('reports an endpoint without CloudWatch as unavailable, not as an error', async () => {
    const unknown = Object.assign(new Error("The local lab does not serve 'monitoring'"), {
      name: 'UnknownOperationException',
      $metadata: { httpStatusCode: 400 },
    });
    mock.on(GetMetricDataCommand).rejects(unknown);
    const result = await instanceMetrics(client, 'eu-west-1', { id: 'orders', now: () => NOW });
    expect(result).toEqual({
      available: false,
      reason: expect.stringContaining('CloudWatch is not available'),
    });
  });

  it('keeps other AWS errors as errors with their code', async () => {
    const denied = Object.assign(new Error('not authorized to perform cloudwatch:GetMetricData'), {
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    mock.on(GetMetricDataCommand).rejects(denied);
    await expect(
      instanceMetrics(client, 'eu-west-1', { id: 'orders', now: () => NOW }),
    ).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
      details: { awsCode: 'AccessDenied' },
    });
  });
});

describe('cloudwatch.instanceMetrics through the app', () => {
  it('answers available:false for the lab profile without calling AWS', async () => {
    const { services, cleanup } = await tempServices();
    try {
      const res = await dispatch(
        services.handlers,
        'cloudwatch.instanceMetrics',
        { profile: LAB_PROFILE, region: 'us-east-1', id: 'myrdslab', isReplica: false, minutes: 60 },
        { transport: 'direct' },
      );
      expect(res).toEqual({
        ok: true,
        value: { available: false, reason: 'CloudWatch is not available on the local lab.' },
      });
    } finally {
      await cleanup();
    }
  });

  it('refuses a window other than the last hour', async () => {
    const { services, cleanup } = await tempServices();
    try {
      const res = await dispatch(
        services.handlers,
        'cloudwatch.instanceMetrics',
        { profile: LAB_PROFILE, region: 'us-east-1', id: 'myrdslab', minutes: 5 },
        { transport: 'direct' },
      );
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    } finally {
      await cleanup();
    }
  });
});
