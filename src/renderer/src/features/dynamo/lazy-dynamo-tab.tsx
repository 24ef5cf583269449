import { lazyWithFallback } from '@renderer/components/lazy-with-fallback';

// The DynamoDB workspace is its own chunk: the first screen does not pay for it.
export const LazyDynamoTab = lazyWithFallback(
  () => import('./dynamo-tab').then((m) => m.DynamoTab),
  'dynamo-tab-loading',
);
