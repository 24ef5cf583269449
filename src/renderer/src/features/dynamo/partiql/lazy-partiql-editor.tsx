import { lazyWithFallback } from '@renderer/components/lazy-with-fallback';

// Monaco is its own chunk, fetched when the PartiQL sub-tab is first opened.
export const LazyPartiqlEditor = lazyWithFallback(
  () => import('./partiql-editor').then((m) => m.PartiqlEditor),
  'partiql-editor-loading',
);
