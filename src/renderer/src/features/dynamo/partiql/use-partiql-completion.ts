import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import type { DynamoItem, DynamoTableDetail } from '@shared/models/dynamo';
import { useApi } from '@renderer/api/api-provider';
import { dynamoKeys } from '../use-dynamo';
import type { PartiqlCompletionSource } from './partiql-editor-handle';

const TABLES_STALE_MS = 30_000;

/**
 * What the editor completes: the region's tables (the list the tab already has, fetched when it has
 * not), and the attributes known so far: the table's declared ones, then every one a result showed.
 */
export function usePartiqlCompletion(
  profile: string,
  detail: DynamoTableDetail,
  items: readonly DynamoItem[],
): PartiqlCompletionSource {
  const api = useApi();
  const client = useQueryClient();
  const seen = useRef(new Set<string>());

  useEffect(() => {
    for (const item of items) for (const name of Object.keys(item)) seen.current.add(name);
  }, [items]);

  return useMemo(() => {
    const regions = [detail.region];
    return {
      tables: async () => {
        const listed = await client.fetchQuery({
          queryKey: dynamoKeys.tables(profile, regions),
          queryFn: () => api.call('dynamo.listTables', { profile, regions }),
          staleTime: TABLES_STALE_MS,
        });
        return listed.regions.flatMap((r) => r.tables ?? []);
      },
      attributes: () => {
        const declared = [
          detail.partitionKey.name,
          detail.sortKey?.name,
          ...detail.attributes.map((a) => a.name),
        ];
        return [...new Set([...declared.filter((n): n is string => !!n), ...seen.current])];
      },
    };
  }, [api, client, profile, detail]);
}
