import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Req, Res } from '@shared/contract';
import type { ApiError } from './api-error';
import { useApi } from './api-provider';
import { queryKeys } from './query-keys';

export function useProfiles() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.profiles, queryFn: () => api.call('profiles.list', {}) });
}

export function useSaveProfile() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<Res<'profiles.save'>, ApiError, Req<'profiles.save'>>({
    mutationFn: (req) => api.call('profiles.save', req),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.profiles }),
  });
}

export function useDeleteProfile() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<Res<'profiles.delete'>, ApiError, string>({
    mutationFn: (id) => api.call('profiles.delete', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.profiles }),
  });
}

/** Not cached: a test is a one-off probe of the fields as they are in the form right now. */
export function useTestConnection() {
  const api = useApi();
  return useMutation<Res<'connections.test'>, ApiError, Req<'connections.test'>>({
    mutationFn: (req) => api.call('connections.test', req),
  });
}
