import { lazyWithFallback } from '@renderer/components/lazy-with-fallback';

// @xyflow/react and its stylesheet come in their own chunk, fetched when the graph is first shown.
export const LazyTopology = lazyWithFallback(
  () => import('./topology-view').then((m) => m.TopologyView),
  'rds-topology-loading',
);
