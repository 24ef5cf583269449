import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LAB_PROFILE } from '@shared/models/aws';
import { toApiError } from './api-error';
import { useApi } from './api-provider';
import { isProfileKey, queryKeys } from './query-keys';

export function useAwsProfiles() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.awsProfiles, queryFn: () => api.call('aws.profiles', {}) });
}

export function useAwsRegions(profile: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.awsRegions(profile ?? ''),
    queryFn: () => api.call('aws.regions', { profile: profile ?? undefined }),
    enabled: profile !== null,
    // The region list is built into the app; it only changes with the profile.
    staleTime: Infinity,
  });
}

const RETRIABLE = new Set(['CONNECTION_LOST', 'THROTTLED']);

/** Who the profile's credentials belong to. Kept a few minutes: an identity rarely changes. */
export function useAwsIdentity(profile: string | null, region: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.awsIdentity(profile ?? '', region),
    queryFn: () => api.call('aws.identity', { profile: profile ?? '', region }),
    enabled: profile !== null,
    staleTime: 5 * 60_000,
    // An expired SSO session or a cancelled MFA prompt will not fix itself on a retry.
    retry: (count, err) => count < 1 && RETRIABLE.has(toApiError(err).code),
  });
}

/**
 * The lab profile appears, gets its endpoint and disappears with the lab: on every pushed lab status,
 * refresh the profile list and everything asked of the lab profile (identity, instances).
 */
export function useLabAwsRefresh(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('lab.status', () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.awsProfiles });
        void queryClient.invalidateQueries({ predicate: (q) => isProfileKey(q.queryKey, LAB_PROFILE) });
      }),
    [api, queryClient],
  );
}
