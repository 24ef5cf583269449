import { lazyWithFallback } from '@renderer/components/lazy-with-fallback';

// The graph, charts and check come in their own chunk, fetched when a replication tab first opens.
export const LazyReplicationTab = lazyWithFallback(
  () => import('./replication-tab').then((m) => m.ReplicationTab),
  'replication-tab-loading',
);
