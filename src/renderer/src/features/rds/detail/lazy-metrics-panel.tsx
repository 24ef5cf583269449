import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { RdsInstance } from '@shared/models/rds';

// uPlot and its CSS are their own chunk, fetched the first time the Metrics tab opens.
const MetricsPanelLazy = lazy(() => import('./metrics-panel').then((m) => ({ default: m.MetricsPanel })));

export function LazyMetricsPanel(props: { profile: string; instance: RdsInstance }) {
  return (
    <Suspense fallback={<Loader size="xs" m="sm" data-testid="metrics-chunk-loading" />}>
      <MetricsPanelLazy {...props} />
    </Suspense>
  );
}
