import { useMutation, useQuery } from '@tanstack/react-query';
import type { ApplyEditsResult, RowEdit } from '@shared/models/table-edit';
import type { ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import type { TableTarget } from './use-table-data';

/** The statements the main process would run for `edits`, read while the review is open. */
export function usePreviewEdits(target: TableTarget, edits: RowEdit[], opened: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['sql.previewEdits', target, edits],
    queryFn: () => api.call('sql.previewEdits', { ...target, edits }),
    enabled: opened && edits.length > 0,
    retry: false,
    gcTime: 0,
  });
}

/** Runs `edits` in one transaction; a row changed meanwhile fails it with CONFLICT. */
export function useApplyEdits(
  target: TableTarget,
  edits: RowEdit[],
  onApplied: (result: ApplyEditsResult) => void,
) {
  const api = useApi();
  return useMutation<ApplyEditsResult, ApiError>({
    mutationFn: () => api.call('sql.applyEdits', { ...target, edits }),
    onSuccess: onApplied,
  });
}
