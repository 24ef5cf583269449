import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Req, Res } from '@shared/contract';
import type { ApiError } from './api-error';
import { useApi } from './api-provider';

const historyKey = (profileId: string, search: string) => ['sql', 'history', profileId, search] as const;
const historyRoot = (profileId: string) => ['sql', 'history', profileId] as const;
const savedKey = (profileId: string) => ['sql', 'saved', profileId] as const;

/** The connection's runs, newest first; `search` filters in the main process. */
export function useSqlHistory(profileId: string, search: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: historyKey(profileId, search),
    queryFn: () => api.call('sql.history.list', { profileId, ...(search ? { search } : {}), limit: 200 }),
    enabled,
    // Keep the list on screen while the next search answers, so it does not flicker per keystroke.
    placeholderData: keepPreviousData,
  });
}

/** Marks the connection's history stale (after a run), so an open panel shows the new entries. */
export function useInvalidateSqlHistory() {
  const queryClient = useQueryClient();
  return (profileId: string) => queryClient.invalidateQueries({ queryKey: historyRoot(profileId) });
}

export function useClearSqlHistory(profileId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<Res<'sql.history.clear'>, ApiError, void>({
    mutationFn: () => api.call('sql.history.clear', { profileId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyRoot(profileId) }),
  });
}

export function useSavedQueries(profileId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: savedKey(profileId),
    queryFn: () => api.call('sql.saved.list', { profileId }),
    enabled,
  });
}

export function useSaveQuery() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<Res<'sql.saved.save'>, ApiError, Req<'sql.saved.save'>>({
    mutationFn: (req) => api.call('sql.saved.save', req),
    // Saved queries are shared between connections (the global ones): refresh every list.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sql', 'saved'] }),
  });
}

export function useDeleteSavedQuery() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<Res<'sql.saved.delete'>, ApiError, string>({
    mutationFn: (id) => api.call('sql.saved.delete', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sql', 'saved'] }),
  });
}
