import { Center, EmptyState, Group, Loader, Text } from '@mantine/core';
import type { RdsInstance } from '@shared/models/rds';
import { toApiError } from '@renderer/api/api-error';
import { AwsErrorAlert } from '@renderer/components/aws-error-alert';
import { MetricChart } from './metric-chart';
import { useInstanceMetrics } from './use-instance-metrics';
import classes from './metrics.module.css';

/** The Metrics tab: the last hour of CloudWatch, one small chart per metric; or why there is none. */
export function MetricsPanel({ profile, instance }: { profile: string; instance: RdsInstance }) {
  const metrics = useInstanceMetrics(profile, instance.region, instance.id, instance.role === 'replica');

  if (metrics.isPending) {
    return (
      <Group gap="xs" p="sm" data-testid="metrics-panel" data-state="loading">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Reading CloudWatch…
        </Text>
      </Group>
    );
  }
  if (metrics.error) {
    return (
      <div style={{ padding: 8 }} data-testid="metrics-panel" data-state="error">
        <AwsErrorAlert error={toApiError(metrics.error)} compact />
      </div>
    );
  }
  const data = metrics.data;
  if (!data.available) {
    return (
      <Center p="lg" data-testid="metrics-panel" data-state="unavailable">
        <EmptyState
          size="sm"
          title="No metrics"
          description={data.reason}
          data-testid="metrics-unavailable"
        />
      </Center>
    );
  }
  return (
    <div className={classes.charts} data-testid="metrics-panel" data-state="ready">
      <Text size="xs" c="dimmed">
        Last hour, 1-minute averages (CloudWatch)
      </Text>
      {data.series.map((s) => (
        <MetricChart key={s.metric} series={s} />
      ))}
    </div>
  );
}
