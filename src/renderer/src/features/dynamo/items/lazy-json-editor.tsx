import { lazyWithFallback } from '@renderer/components/lazy-with-fallback';

// Monaco is its own chunk, shared with the SQL editor: the drawer opens at once and the editor follows.
export const LazyJsonEditor = lazyWithFallback(
  () => import('./json-editor').then((m) => m.JsonEditor),
  'dynamo-item-text-loading',
);
