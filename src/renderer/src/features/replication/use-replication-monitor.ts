import { useDocumentVisibility } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { ReplicationSnapshot } from '@shared/models/replication';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import type { ReplicationRdsRef } from '@renderer/stores/workspace-tabs-store';

export const REFRESH_MS = 2000;

export type MonitorState =
  { status: 'opening' } | { status: 'open'; monitorId: string } | { status: 'failed'; error: ApiError };

export const snapshotKey = (monitorId: string) => ['replication', 'snapshot', monitorId] as const;

/**
 * The tab's monitor: opened on mount, closed on unmount (tab closed), reopened on Retry. It is read
 * again every 2 s while the tab is on screen; a hidden tab or window costs the servers nothing.
 */
export function useReplicationMonitor(
  profileId: string,
  rds: ReplicationRdsRef | undefined,
  visible: boolean,
) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [state, setState] = useState<MonitorState>({ status: 'opening' });
  const [attempt, setAttempt] = useState(0);
  const documentVisible = useDocumentVisibility() === 'visible';
  const rdsProfile = rds?.profile;
  const rdsRegion = rds?.region;
  const rdsId = rds?.id;

  useEffect(() => {
    let disposed = false;
    let monitorId: string | null = null;
    const ref =
      rdsProfile && rdsRegion && rdsId ? { profile: rdsProfile, region: rdsRegion, id: rdsId } : undefined;
    api.call('replication.open', { profileId, ...(ref ? { rds: ref } : {}) }).then(
      (snapshot) => {
        if (disposed) {
          void api.call('replication.close', { monitorId: snapshot.monitorId }).catch(() => undefined);
          return;
        }
        monitorId = snapshot.monitorId;
        queryClient.setQueryData(snapshotKey(snapshot.monitorId), snapshot);
        setState({ status: 'open', monitorId: snapshot.monitorId });
      },
      (err: unknown) => {
        if (!disposed) setState({ status: 'failed', error: toApiError(err) });
      },
    );
    return () => {
      disposed = true;
      if (!monitorId) return;
      queryClient.removeQueries({ queryKey: snapshotKey(monitorId) });
      // The tab is gone: nobody is left to show a failure to.
      void api.call('replication.close', { monitorId }).catch(() => undefined);
    };
  }, [api, queryClient, profileId, rdsProfile, rdsRegion, rdsId, attempt]);

  const monitorId = state.status === 'open' ? state.monitorId : '';
  const snapshot = useQuery<ReplicationSnapshot, ApiError>({
    queryKey: snapshotKey(monitorId),
    queryFn: async () => {
      try {
        return await api.call('replication.refresh', { monitorId });
      } catch (err) {
        throw toApiError(err);
      }
    },
    enabled: state.status === 'open',
    // The snapshot from `open` is fresh: the first refresh comes one interval later.
    staleTime: REFRESH_MS - 250,
    refetchInterval: visible && documentVisible ? REFRESH_MS : false,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: false,
    retry: false,
  });

  /** Configure and attach answer with a new snapshot: show it at once. */
  const accept = useCallback(
    (next: ReplicationSnapshot) => queryClient.setQueryData(snapshotKey(next.monitorId), next),
    [queryClient],
  );
  const retry = useCallback(() => {
    setState({ status: 'opening' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, snapshot, accept, retry };
}
