import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Req, Res } from '@shared/contract';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { queryKeys } from '@renderer/api/query-keys';

/** The addresses the user allowed a profile's login on, across profiles. */
export function usePeerApprovals() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.peerApprovals,
    queryFn: () => api.call('replication.approvals', {}),
  });
}

/** Forgets an approval; `onRevoked` lets the view read the topology again without it. */
export function useRevokeApproval(onRevoked?: () => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<Res<'replication.revokeApproval'>, ApiError, Req<'replication.revokeApproval'>>({
    mutationFn: async (req) => {
      try {
        return await api.call('replication.revokeApproval', req);
      } catch (err) {
        throw toApiError(err);
      }
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.peerApprovals });
      onRevoked?.();
    },
  });
}
