import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LabOverview } from '@shared/models/lab';
import type { ApiError } from './api-error';
import { useApi } from './api-provider';
import { queryKeys } from './query-keys';

const TRANSITIONAL = new Set(['starting', 'seeding']);
const SETTLED_INSTANCE = new Set(['available', 'stopped', 'failed']);

/** The lab's overview, refreshed on every pushed status and polled while anything is in motion. */
export function useLabOverview() {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () => api.on('lab.status', () => void queryClient.invalidateQueries({ queryKey: queryKeys.labOverview })),
    [api, queryClient],
  );
  return useQuery({
    queryKey: queryKeys.labOverview,
    queryFn: () => api.call('lab.overview', {}),
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data) return false;
      const moving =
        TRANSITIONAL.has(data.status.state) || data.instances.some((i) => !SETTLED_INSTANCE.has(i.status));
      // While the lab runs, instances also change through the RDS tab or the AWS CLI: look again now and then.
      if (moving) return 2000;
      return data.status.state === 'ready' ? 10_000 : false;
    },
  });
}

export function useLabAction(action: 'lab.start' | 'lab.stop') {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<LabOverview, ApiError>({
    mutationFn: () => api.call(action, {}),
    onSuccess: (overview) => queryClient.setQueryData(queryKeys.labOverview, overview),
  });
}
