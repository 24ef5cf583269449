import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Res } from '@shared/contract';
import type { DdlKind } from '@shared/models/schema';
import type { ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { completionSourceFor } from '@renderer/monaco/sql-completion-source';

/** react-query keys of one profile's schema; all start with ['schema', profileId]. */
export const schemaKeys = {
  all: (profileId: string) => ['schema', profileId] as const,
  databases: (profileId: string) => ['schema', profileId, 'databases'] as const,
  objects: (profileId: string, database: string) => ['schema', profileId, 'objects', database] as const,
  table: (profileId: string, database: string, table: string) =>
    ['schema', profileId, 'table', database, table] as const,
  ddl: (profileId: string, target: DdlTarget | null) =>
    ['schema', profileId, 'ddl', target?.database, target?.name, target?.kind] as const,
};

export interface DdlTarget {
  database: string;
  name: string;
  kind: DdlKind;
}

// Metadata changes only when someone changes the schema: keep answers until refreshed.
const FOREVER = { staleTime: Infinity, retry: false } as const;

export function useSchemaDatabases(profileId: string) {
  const api = useApi();
  return useQuery<Res<'schema.databases'>, ApiError>({
    queryKey: schemaKeys.databases(profileId),
    queryFn: () => api.call('schema.databases', { profileId }),
    ...FOREVER,
  });
}

/** The objects of every database in `databases` (the expanded ones), loaded in parallel. */
export function useSchemaObjects(profileId: string, databases: string[]) {
  const api = useApi();
  return useQueries({
    queries: databases.map((database) => ({
      queryKey: schemaKeys.objects(profileId, database),
      queryFn: () => api.call('schema.objects', { profileId, database }),
      ...FOREVER,
    })),
  });
}

export function useSchemaTables(profileId: string, tables: { database: string; table: string }[]) {
  const api = useApi();
  return useQueries({
    queries: tables.map(({ database, table }) => ({
      queryKey: schemaKeys.table(profileId, database, table),
      queryFn: () => api.call('schema.table', { profileId, database, table }),
      ...FOREVER,
    })),
  });
}

/** The object's CREATE statement, read fresh each time the modal opens (never cached). */
export function useSchemaDdl(profileId: string, target: DdlTarget | null) {
  const api = useApi();
  return useQuery<Res<'schema.ddl'>, ApiError>({
    queryKey: schemaKeys.ddl(profileId, target),
    queryFn: () => api.call('schema.ddl', { profileId, ...target! }),
    enabled: target !== null,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}

/** Drops the main process's cache, completion's catalogs and the tree's queries for the profile. */
export function useRefreshSchema(profileId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await api.call('schema.refresh', { profileId });
    completionSourceFor(api).invalidate(profileId);
    await queryClient.invalidateQueries({ queryKey: schemaKeys.all(profileId) });
  }, [api, queryClient, profileId]);
}
