import { lazyWithFallback } from '@renderer/components/lazy-with-fallback';

const loadEditor = () => import('./sql-editor').then((m) => m.SqlEditor);

/** Start fetching Monaco once the first screen is up, so the first tab opens without a wait. */
export function prefetchSqlEditor(): void {
  void loadEditor();
}

export const LazySqlEditor = lazyWithFallback(loadEditor, 'sql-editor-loading');
