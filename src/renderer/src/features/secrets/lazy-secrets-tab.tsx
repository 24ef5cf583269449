import { lazyWithFallback } from '@renderer/components/lazy-with-fallback';

// Like the RDS tab, its own chunk: the first screen does not pay for it.
export const LazySecretsTab = lazyWithFallback(
  () => import('./secrets-tab').then((m) => m.SecretsTab),
  'secrets-tab-loading',
);
