import { useEffect } from 'react';
import { useApi } from '@renderer/api/api-provider';
import { clearCompletionScope, setCompletionScope } from '@renderer/monaco/sql-completion-scope';
import { completionSourceFor } from '@renderer/monaco/sql-completion-source';

/** Tells the SQL completion provider which profile and database the tab's editor completes from. */
export function useCompletionScope(tabId: string, profileId: string, database: string | null): void {
  const api = useApi();
  useEffect(() => {
    setCompletionScope(tabId, { profileId, database, source: completionSourceFor(api) });
    return () => clearCompletionScope(tabId);
  }, [api, tabId, profileId, database]);
}
