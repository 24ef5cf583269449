import { useQueries } from '@tanstack/react-query';
import type { SecretSummary } from '@shared/models/aws';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';

export interface SecretsRegionFailure {
  region: string;
  error: ApiError;
}

/**
 * The secrets of every chosen region, one call per region in parallel. Keyed under `aws` with the
 * profile third, so the lab's status pushes refresh them (see `isProfileKey`). A region that fails
 * is reported in place; the others still show.
 */
export function useSecrets(profile: string | null, regions: readonly string[]) {
  const api = useApi();
  return useQueries({
    queries: regions.map((region) => ({
      queryKey: ['aws', 'secrets', profile ?? '', region] as const,
      queryFn: () => api.call('secrets.list', { profile: profile ?? '', region }),
      enabled: profile !== null,
      retry: false,
    })),
    combine: (results) => ({
      secrets: results.flatMap((r) => r.data?.secrets ?? []),
      failures: results.flatMap((r, i): SecretsRegionFailure[] =>
        r.error ? [{ region: regions[i] ?? '', error: toApiError(r.error) }] : [],
      ),
      pending: results.some((r) => r.isPending),
      fetching: results.some((r) => r.isFetching),
      refetch: () => results.forEach((r) => void r.refetch()),
    }),
  });
}

export type SecretsListing = ReturnType<typeof useSecrets>;
export type { SecretSummary };
