import { useEffect } from 'react';
import { useAppInfo } from '@renderer/api/use-app-info';
import { useProfiles } from '@renderer/api/use-profiles';
import { prefetchSqlEditor } from '@renderer/features/sql/lazy-sql-editor';

/**
 * `<body data-app-ready="true">` once the first screen has its data (loaded or failed with a
 * message): end-to-end tests wait on it instead of sleeping. Then Monaco is fetched in the background.
 */
export function useReadySignal(): void {
  const info = useAppInfo();
  const profiles = useProfiles();
  const ready = !info.isPending && !profiles.isPending;

  useEffect(() => {
    if (!ready) return;
    document.body.dataset['appReady'] = 'true';
    const idle = window.requestIdleCallback?.(prefetchSqlEditor) ?? window.setTimeout(prefetchSqlEditor, 200);
    return () => {
      delete document.body.dataset['appReady'];
      window.cancelIdleCallback?.(idle);
    };
  }, [ready]);
}
