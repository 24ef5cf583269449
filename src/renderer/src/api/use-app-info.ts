import { useQuery } from '@tanstack/react-query';
import { useApi } from './api-provider';
import { queryKeys } from './query-keys';

/** Mode and secret storage do not change while the app runs. */
export function useAppInfo() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.appInfo,
    queryFn: () => api.call('app.info', {}),
    staleTime: Infinity,
  });
}
