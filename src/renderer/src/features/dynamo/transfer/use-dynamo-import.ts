import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileFormat } from '@shared/models/dynamo-schemas';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { useDynamoCapacity } from '../capacity/capacity-store';
import { dynamoKeys } from '../use-dynamo';
import { useDynamoJob } from './use-dynamo-job';

type Phase =
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'started'; jobId: string }
  | { status: 'failed'; error: ApiError };

/** Sends a checked file's text to the import job and follows it; the table's details refresh at the end. */
export function useDynamoImport(profile: string, region: string, table: string) {
  const api = useApi();
  const client = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ status: 'idle' });
  const job = useDynamoJob(phase.status === 'started' ? phase.jobId : null);
  const addCapacity = useDynamoCapacity((s) => s.add);
  const ended = useRef(new Set<string>());
  const state = job.progress?.state;

  useEffect(() => {
    if (phase.status !== 'started' || !state || state === 'running' || ended.current.has(phase.jobId)) return;
    ended.current.add(phase.jobId);
    if (job.progress) addCapacity(region, job.progress.consumed);
    void client.invalidateQueries({ queryKey: dynamoKeys.table(profile, region, table) });
  }, [phase, state, job.progress, addCapacity, client, profile, region, table]);

  const start = useCallback(
    async (text: string, format: FileFormat) => {
      setPhase({ status: 'starting' });
      try {
        const { jobId } = await api.call('dynamo.importText', { profile, region, table, format, text });
        setPhase({ status: 'started', jobId });
      } catch (err) {
        setPhase({ status: 'failed', error: toApiError(err) });
      }
    },
    [api, profile, region, table],
  );

  const cancel = useCallback(() => {
    if (phase.status === 'started') void api.call('dynamo.cancelJob', { jobId: phase.jobId });
  }, [api, phase]);

  const reset = useCallback(() => setPhase({ status: 'idle' }), []);
  const running =
    phase.status === 'starting' || (phase.status === 'started' && (!state || state === 'running'));
  return { phase, job, running, start, cancel, reset };
}
