import { useCallback, useMemo, useState } from 'react';
import type { SchemaObjects, TableDetail } from '@shared/models/schema';
import { useRefreshSchema, useSchemaDatabases, useSchemaObjects, useSchemaTables } from './use-schema';
import type { Loadable } from './schema-tree-rows';

/** Parses a row key made by `keys` (JSON arrays) back into its parts. */
function parseKey(key: string): string[] {
  return JSON.parse(key) as string[];
}

/**
 * The data behind the tree: the databases, and the objects or details of whatever is expanded,
 * each loaded on first expand (react-query keeps them until the user refreshes).
 */
export function useSchemaTree(profileId: string, expanded: ReadonlySet<string>) {
  const databasesQuery = useSchemaDatabases(profileId);
  const expandedDbs = useMemo(
    () =>
      [...expanded]
        .map(parseKey)
        .filter((k) => k[0] === 'd')
        .map((k) => k[1]!),
    [expanded],
  );
  const expandedTables = useMemo(
    () =>
      [...expanded]
        .map(parseKey)
        .filter((k) => k[0] === 't')
        .map((k) => ({ database: k[1]!, table: k[2]! })),
    [expanded],
  );
  const objectQueries = useSchemaObjects(profileId, expandedDbs);
  const tableQueries = useSchemaTables(profileId, expandedTables);
  const refreshSchema = useRefreshSchema(profileId);
  const [refreshing, setRefreshing] = useState(false);

  const objectsByDb = new Map<string, Loadable<SchemaObjects>>();
  expandedDbs.forEach((db, i) => objectsByDb.set(db, asLoadable(objectQueries[i])));
  const tablesByKey = new Map<string, Loadable<TableDetail>>();
  expandedTables.forEach((t, i) => tablesByKey.set(`${t.database}\0${t.table}`, asLoadable(tableQueries[i])));
  // Rebuilt every render: cheap next to drawing, and never stale.
  const objects = (db: string) => objectsByDb.get(db);
  const table = (db: string, t: string) => tablesByKey.get(`${db}\0${t}`);

  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      await refreshSchema();
    } finally {
      setRefreshing(false);
    }
  }, [refreshSchema]);

  return {
    status: databasesQuery.status,
    error: databasesQuery.error?.message,
    databases: databasesQuery.data?.databases ?? [],
    objects,
    table,
    refresh,
    refreshing,
  };
}

function asLoadable<T>(
  q: { status: string; data?: T; error?: { message: string } | null } | undefined,
): Loadable<T> {
  if (!q) return undefined;
  if (q.status === 'success' && q.data !== undefined) return { status: 'success', data: q.data };
  if (q.status === 'error') return { status: 'error', message: q.error?.message ?? 'Failed to load' };
  return { status: 'pending' };
}
