import { useQuery } from '@tanstack/react-query';
import type { Res } from '@shared/contract';
import { useApi } from './api-provider';
import { queryKeys } from './query-keys';

/** How often lists and details refresh while something is moving (creating, rebooting, …). */
export const MOVING_REFRESH_MS = 3_000;

/**
 * Instances of every chosen region in one call (main fetches the regions in parallel). `moving`
 * decides, from the last answer, whether to look again in a few seconds.
 */
export function useRdsInstances(
  profile: string | null,
  regions: readonly string[],
  moving: (data: Res<'rds.listInstances'>) => boolean,
) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.rdsInstances(profile ?? '', regions),
    queryFn: () => api.call('rds.listInstances', { profile: profile ?? '', regions: [...regions] }),
    enabled: profile !== null && regions.length > 0,
    // Adding a region keeps the rows on screen until the new answer arrives, instead of a blank
    // table; another profile's rows, though, must never stand in for this one's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === (profile ?? '') ? previous : undefined,
    refetchInterval: (query) => (query.state.data && moving(query.state.data) ? MOVING_REFRESH_MS : false),
    retry: false,
  });
}

export function useRdsDetail(profile: string, region: string, id: string, refreshMs: number | false) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.rdsDetail(profile, region, id),
    queryFn: () => api.call('rds.describeInstance', { profile, region, id }),
    refetchInterval: refreshMs,
    retry: false,
  });
}
