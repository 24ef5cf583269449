import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileFormat, ReadRequest } from '@shared/models/dynamo-schemas';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { download } from '@renderer/api/download';
import { useDynamoCapacity } from '../capacity/capacity-store';
import { useDynamoJob } from './use-dynamo-job';

type Started = { jobId: string; fileName: string; delivery: 'path' | 'download' };
type Phase =
  | { status: 'idle' }
  | { status: 'starting' }
  | ({ status: 'started' } & Started)
  | { status: 'failed'; error: ApiError };

/**
 * Starts an export (save dialog in Electron, a temp file in browser mode), follows its job, and hands a
 * finished browser-mode file to the browser as a download, once.
 */
export function useDynamoExport(profile: string, region: string) {
  const api = useApi();
  const [phase, setPhase] = useState<Phase>({ status: 'idle' });
  const job = useDynamoJob(phase.status === 'started' ? phase.jobId : null);
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const delivered = useRef(new Set<string>());
  const addCapacity = useDynamoCapacity((s) => s.add);
  const state = job.progress?.state;

  useEffect(() => {
    if (phase.status !== 'started' || !state || state === 'running') return;
    if (delivered.current.has(phase.jobId)) return;
    delivered.current.add(phase.jobId);
    if (job.progress) addCapacity(region, job.progress.consumed);
    if (state !== 'done' || phase.delivery !== 'download') return;
    api
      .call('dynamo.exportDownload', { jobId: phase.jobId })
      .then((d) => download(d.downloadUrl, d.fileName))
      .catch((err: unknown) => setDownloadError(toApiError(err)));
  }, [api, phase, state, job.progress, addCapacity, region]);

  const start = useCallback(
    async (request: ReadRequest, format: FileFormat, segments: number) => {
      setPhase({ status: 'starting' });
      setDownloadError(null);
      try {
        const answer = await api.call('dynamo.exportFile', { profile, region, request, format, segments });
        // The save dialog was dismissed: back to the choice, nothing written.
        setPhase(answer.jobId ? { status: 'started', ...answer, jobId: answer.jobId } : { status: 'idle' });
      } catch (err) {
        setPhase({ status: 'failed', error: toApiError(err) });
      }
    },
    [api, profile, region],
  );

  const cancel = useCallback(() => {
    if (phase.status === 'started') void api.call('dynamo.cancelJob', { jobId: phase.jobId });
  }, [api, phase]);

  const running =
    phase.status === 'starting' || (phase.status === 'started' && (!state || state === 'running'));
  return { phase, job, running, downloadError, start, cancel };
}
