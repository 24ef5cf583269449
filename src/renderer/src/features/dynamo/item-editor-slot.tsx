import { lazyWithFallback } from '@renderer/components/lazy-with-fallback';

/** The item editor drawer, in its own chunk (Monaco comes with it) until an item is first opened. */
export const ItemEditorSlot = lazyWithFallback(
  () => import('./items/item-editor').then((m) => m.ItemEditor),
  'dynamo-item-editor-loading',
);
