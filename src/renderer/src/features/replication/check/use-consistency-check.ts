import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ConsistencyProgress } from '@shared/models/replication';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { isFinished } from './check-format';

/**
 * The check's table list, and one run at a time: started with startCheck, followed through the
 * `replication.checkProgress` events of its id, cancelled with cancelCheck.
 */
export function useConsistencyCheck(monitorId: string, wanted: boolean) {
  const api = useApi();
  const [checkId, setCheckId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ConsistencyProgress | null>(null);
  // Events may beat startCheck's answer: keep the newest of each id until the id is known.
  const early = useRef(new Map<string, ConsistencyProgress>());
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('replication.checkProgress', (p) => {
        if (current.current === p.checkId) setProgress(p);
        else if (current.current === null) early.current.set(p.checkId, p);
      }),
    [api],
  );

  // A check left running when the tab closes would keep loading the servers for nobody.
  const finished = useRef(true);
  useEffect(() => {
    finished.current = progress === null ? current.current === null : isFinished(progress.phase);
  }, [progress]);
  useEffect(
    () => () => {
      const id = current.current;
      if (id && !finished.current)
        void api.call('replication.cancelCheck', { checkId: id }).catch(() => undefined);
    },
    [api],
  );

  const tables = useQuery({
    queryKey: ['replication', 'tables', monitorId],
    queryFn: async () => {
      try {
        return (await api.call('replication.tables', { monitorId })).tables;
      } catch (err) {
        throw toApiError(err);
      }
    },
    enabled: wanted,
    staleTime: 60_000,
    retry: false,
  });

  const start = useMutation<{ checkId: string }, ApiError, string[]>({
    mutationFn: async (list) => {
      early.current.clear();
      current.current = null;
      setProgress(null);
      try {
        return await api.call('replication.startCheck', { monitorId, tables: list });
      } catch (err) {
        throw toApiError(err);
      }
    },
    onSuccess: ({ checkId: id }) => {
      current.current = id;
      setCheckId(id);
      setProgress(early.current.get(id) ?? null);
      early.current.clear();
    },
  });

  const cancel = useMutation<{ cancelled: boolean }, ApiError>({
    mutationFn: async () => {
      if (!checkId) return { cancelled: false };
      return api.call('replication.cancelCheck', { checkId });
    },
  });

  return { tables, start, cancel, checkId, progress };
}
