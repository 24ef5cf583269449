import { useQuery } from '@tanstack/react-query';
import { useApi } from '@renderer/api/api-provider';

/**
 * The last hour of an instance's CloudWatch metrics. Keyed under `rds` with the profile third, so
 * the lab's status pushes (see `isProfileKey`) refresh it with the rest of the profile's data.
 */
export function useInstanceMetrics(profile: string, region: string, id: string, isReplica: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['rds', 'metrics', profile, region, id, isReplica] as const,
    queryFn: () => api.call('cloudwatch.instanceMetrics', { profile, region, id, isReplica, minutes: 60 }),
    // One point a minute: looking again sooner shows nothing new.
    refetchInterval: 60_000,
    retry: false,
  });
}
