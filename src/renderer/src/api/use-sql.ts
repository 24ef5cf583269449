import { useMutation } from '@tanstack/react-query';
import type { Req, Res } from '@shared/contract';
import type { ApiError } from './api-error';
import { useApi } from './api-provider';

export function useOpenSql() {
  const api = useApi();
  return useMutation<Res<'sql.open'>, ApiError, Req<'sql.open'>>({
    mutationFn: (req) => api.call('sql.open', req),
  });
}

export function useRunSql() {
  const api = useApi();
  return useMutation<Res<'sql.run'>, ApiError, Req<'sql.run'>>({
    mutationFn: (req) => api.call('sql.run', req),
  });
}

export function useCloseSql() {
  const api = useApi();
  return useMutation<Res<'sql.close'>, ApiError, Req<'sql.close'>>({
    mutationFn: (req) => api.call('sql.close', req),
  });
}
