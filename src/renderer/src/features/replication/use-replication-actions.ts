import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Req } from '@shared/contract';
import type { ReplicationSnapshot } from '@shared/models/replication';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { queryKeys } from '@renderer/api/query-keys';
import type { HeartbeatChoice } from './heartbeat/heartbeat-popover';

type ConfigureReq = Req<'replication.configure'>;

/** Threshold, heartbeat and peer changes; each answers with a snapshot that replaces the shown one. */
export function useReplicationActions(monitorId: string, accept: (s: ReplicationSnapshot) => void) {
  const api = useApi();
  // The heartbeat choice waiting for the user's consent to write on the primary.
  const [pendingConsent, setPendingConsent] = useState<HeartbeatChoice | null>(null);

  const configure = useMutation<ReplicationSnapshot, ApiError, ConfigureReq>({
    mutationFn: async (req) => {
      try {
        return await api.call('replication.configure', req);
      } catch (err) {
        throw toApiError(err);
      }
    },
    onSuccess: (s) => {
      setPendingConsent(null);
      accept(s);
    },
  });

  const attach = useMutation<ReplicationSnapshot, ApiError, { nodeKey: string; profileId: string }>({
    mutationFn: async (req) => {
      try {
        return await api.call('replication.attachPeer', { monitorId, ...req });
      } catch (err) {
        throw toApiError(err);
      }
    },
    onSuccess: accept,
  });

  const queryClient = useQueryClient();
  const approve = useMutation<ReplicationSnapshot, ApiError, { nodeKey: string; profileId: string }>({
    mutationFn: async (req) => {
      try {
        return await api.call('replication.approvePeer', { monitorId, ...req });
      } catch (err) {
        throw toApiError(err);
      }
    },
    onSuccess: async (s) => {
      accept(s);
      await queryClient.invalidateQueries({ queryKey: queryKeys.peerApprovals });
    },
  });

  /** After a revoked approval: the topology as it is without it. */
  const reread = () => void api.call('replication.refresh', { monitorId }).then(accept, () => undefined);

  const setThreshold = (seconds: number) =>
    configure.mutate(
      { monitorId, lagThresholdSeconds: seconds },
      {
        onError: (err) =>
          notifications.show({
            color: 'red',
            title: 'Could not change the lag threshold',
            message: err.message,
          }),
      },
    );

  /** `onSettled` runs once the server said yes, or asked for consent (its dialog takes over). */
  const applyHeartbeat = (choice: HeartbeatChoice, consent = false, onSettled?: () => void) =>
    configure.mutate(
      {
        monitorId,
        heartbeat: {
          enabled: choice.enabled,
          mode: choice.mode,
          schema: choice.schema,
          intervalMs: choice.intervalMs,
          ...(consent ? { consent: true } : {}),
        },
      },
      {
        onSuccess: () => onSettled?.(),
        onError: (err) => {
          if (err.code !== 'CONSENT_REQUIRED') return;
          setPendingConsent(choice);
          onSettled?.();
        },
      },
    );

  return {
    configure,
    attach,
    approve,
    reread,
    setThreshold,
    applyHeartbeat,
    pendingConsent,
    cancelConsent: () => {
      setPendingConsent(null);
      configure.reset();
    },
  };
}
