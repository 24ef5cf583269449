import { lazyWithFallback } from '@renderer/components/lazy-with-fallback';

// The RDS area (table, details, actions) is its own chunk: the first screen does not pay for it.
export const LazyRdsTab = lazyWithFallback(
  () => import('./rds-tab').then((m) => m.RdsTab),
  'rds-tab-loading',
);
