import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Req } from '@shared/contract';
import type { DynamoTableDetail } from '@shared/models/dynamo';
import { useApi } from '@renderer/api/api-provider';
import { dynamoKeys } from './use-dynamo';

/** One table of one profile, as every table channel names it. */
export interface TableTarget {
  profile: string;
  region: string;
  table: string;
}

export function useCreateTable(profile: string, onCreated: (ref: { region: string; table: string }) => void) {
  const api = useApi();
  return useMutation({
    mutationFn: ({ region, definition }: Omit<Req<'dynamo.createTable'>, 'profile'>) =>
      api.call('dynamo.createTable', { profile, region, definition }),
    onSuccess: (detail, { region }) => onCreated({ region, table: detail.name }),
  });
}

/** Deletes the table; `confirmName` is its name as the user typed it, checked again by the main process. */
export function useDeleteTable(target: TableTarget, onDeleted: () => void) {
  const api = useApi();
  return useMutation({
    mutationFn: (confirmName: string) => api.call('dynamo.deleteTable', { ...target, confirmName }),
    onSuccess: onDeleted,
  });
}

/** The table as CloudFormation and as an AWS CLI command, generated fresh on each ask. */
export function useTableCode(target: TableTarget) {
  const api = useApi();
  return useMutation({ mutationFn: () => api.call('dynamo.tableCode', target) });
}

/** A settings change answers with the table's new detail: it replaces the cached one at once. */
function useSaveDetail(target: TableTarget) {
  const client = useQueryClient();
  return (saved: DynamoTableDetail) =>
    client.setQueryData(dynamoKeys.table(target.profile, target.region, target.table), saved);
}

export function useUpdateTtl(target: TableTarget) {
  const api = useApi();
  return useMutation({
    mutationFn: (change: Pick<Req<'dynamo.updateTtl'>, 'enabled' | 'attribute'>) =>
      api.call('dynamo.updateTtl', { ...target, ...change }),
    onSuccess: useSaveDetail(target),
  });
}

export function useUpdateStream(target: TableTarget) {
  const api = useApi();
  return useMutation({
    mutationFn: (change: Pick<Req<'dynamo.updateStream'>, 'enabled' | 'viewType'>) =>
      api.call('dynamo.updateStream', { ...target, ...change }),
    onSuccess: useSaveDetail(target),
  });
}
