import { useMemo } from 'react';
import type { DynamoItem } from '@shared/models/dynamo';
import type { StagedChange } from '@shared/models/dynamo-schemas';
import { useApi } from '@renderer/api/api-provider';
import type { ItemEditorTarget } from '../item-editor-host';
import { keyNamesOf } from './item-text';

/** The item calls of one table, each asking for its consumed capacity (the main process does). */
export function useItemWrites({ profile, region, table }: ItemEditorTarget) {
  const api = useApi();
  const name = table.name;
  const keyNames = useMemo(() => keyNamesOf(table), [table]);
  return useMemo(
    () => ({
      keyNames,
      /** A strongly consistent read: the version the next write is conditioned on. */
      get: (key: DynamoItem) =>
        api.call('dynamo.getItem', { profile, region, table: name, key, consistentRead: true }),
      /** Written only if the stored item still equals `expected` (null: no item with this key yet). */
      put: (item: DynamoItem, expected: DynamoItem | null) =>
        api.call('dynamo.putItem', { profile, region, table: name, item, expected, keyNames }),
      deleteMany: (keys: DynamoItem[]) =>
        api.call('dynamo.deleteItems', { profile, region, table: name, keys }),
    }),
    [api, profile, region, name, keyNames],
  );
}

/** Commits staged changes as one TransactWriteItems. */
export function useTransactWrite(profile: string, region: string) {
  const api = useApi();
  return useMemo(
    () => (changes: StagedChange[]) => api.call('dynamo.transactWrite', { profile, region, changes }),
    [api, profile, region],
  );
}
