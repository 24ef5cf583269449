import { useMutation } from '@tanstack/react-query';
import type { ExplainResult } from '@shared/models/explain';
import type { ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import type { ExplainRequest } from './explain-store';

/** The plan of `sql` where `request` points; the mutation's variable says whether to analyze (run) it. */
export function useExplain(request: ExplainRequest, sql: string) {
  const api = useApi();
  return useMutation<ExplainResult, ApiError, boolean>({
    mutationFn: (analyze) =>
      api.call('sql.explain', {
        profileId: request.profileId,
        database: request.database ?? null,
        sql,
        analyze,
      }),
  });
}
