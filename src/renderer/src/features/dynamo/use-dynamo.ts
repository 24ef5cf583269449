import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DynamoTableDetail } from '@shared/models/dynamo';
import { useApi } from '@renderer/api/api-provider';

// Keys under `aws` with the profile third, so the lab's status pushes refresh them (see `isProfileKey`).
export const dynamoKeys = {
  tables: (profile: string, regions: readonly string[]) =>
    ['aws', 'dynamo-tables', profile, [...regions]] as const,
  table: (profile: string, region: string, table: string) =>
    ['aws', 'dynamo-table', profile, region, table] as const,
  endpoint: (profile: string, region: string) => ['aws', 'dynamo-endpoint', profile, region] as const,
  prices: ['dynamo', 'prices'] as const,
};

const SETTLING_MS = 2_000;

/** A table or one of its indexes still changing (creating, updating, deleting). */
export function settling(detail: DynamoTableDetail): boolean {
  return (
    detail.status !== 'ACTIVE' || detail.indexes.some((i) => i.status !== undefined && i.status !== 'ACTIVE')
  );
}

export function useDynamoTables(profile: string | null, regions: readonly string[]) {
  const api = useApi();
  return useQuery({
    queryKey: dynamoKeys.tables(profile ?? '', regions),
    queryFn: () => api.call('dynamo.listTables', { profile: profile ?? '', regions: [...regions] }),
    enabled: profile !== null && regions.length > 0,
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === (profile ?? '') ? previous : undefined,
    retry: false,
  });
}

export function useTableDetail(profile: string, region: string, table: string) {
  const api = useApi();
  return useQuery({
    queryKey: dynamoKeys.table(profile, region, table),
    queryFn: () => api.call('dynamo.describeTable', { profile, region, table }),
    refetchInterval: (q) => (q.state.data && settling(q.state.data) ? SETTLING_MS : false),
    retry: false,
  });
}

export function useDynamoEndpoint(profile: string, region: string) {
  const api = useApi();
  return useQuery({
    queryKey: dynamoKeys.endpoint(profile, region),
    queryFn: () => api.call('dynamo.endpoint', { profile, region }),
    staleTime: 60_000,
    retry: false,
  });
}

export function useDynamoPrices() {
  const api = useApi();
  return useQuery({
    queryKey: dynamoKeys.prices,
    queryFn: () => api.call('dynamo.prices', {}),
    staleTime: Infinity,
  });
}

export function useSavePrices() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (prices: Parameters<typeof api.call<'dynamo.savePrices'>>[1]['prices']) =>
      api.call('dynamo.savePrices', { prices }),
    onSuccess: (saved) => client.setQueryData(dynamoKeys.prices, saved),
  });
}
