import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '@renderer/api/api-provider';
import type { ApiError } from '@renderer/api/api-error';

export const PAGE_ROWS = 200;

export interface TableTarget {
  profileId: string;
  database: string;
  table: string;
}

/** The table's definition and one page of its rows (the previous page stays shown while the next loads). */
export function useTableData(target: TableTarget, offset: number) {
  const api = useApi();
  const info = useQuery({
    queryKey: ['sql.tableInfo', target],
    queryFn: () => api.call('sql.tableInfo', target),
    retry: false,
  });
  const rows = useQuery({
    queryKey: ['sql.tableRows', target, offset],
    queryFn: () => api.call('sql.tableRows', { ...target, offset, limit: PAGE_ROWS }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const error = (info.error ?? rows.error) as ApiError | null;
  const refetch = async (): Promise<void> => {
    await Promise.all([info.refetch(), rows.refetch()]);
  };
  return {
    info: info.data,
    page: rows.data,
    loading: info.isPending || rows.isPending,
    fetching: rows.isFetching,
    error,
    refetch,
  };
}
