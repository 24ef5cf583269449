import { useEffect, useState } from 'react';
import { useApi } from '@renderer/api/api-provider';
import { EMPTY_JOB, onProgress, onThrottled, type JobView } from './job-view';

/**
 * Follows `dynamo.jobProgress` and `dynamo.throttled` for every job, and returns the view of one. Events
 * are kept from before the job id is known, so a short job's last event is not missed.
 */
export function useDynamoJob(jobId: string | null): JobView {
  const api = useApi();
  const [views, setViews] = useState<Record<string, JobView>>({});

  useEffect(() => {
    const offProgress = api.on('dynamo.jobProgress', (p) =>
      setViews((all) => ({ ...all, [p.jobId]: onProgress(all[p.jobId] ?? EMPTY_JOB, p) })),
    );
    const offThrottled = api.on('dynamo.throttled', (n) => {
      const id = n.jobId;
      if (id) setViews((all) => ({ ...all, [id]: onThrottled(all[id] ?? EMPTY_JOB, n) }));
    });
    return () => {
      offProgress();
      offThrottled();
    };
  }, [api]);

  return (jobId && views[jobId]) || EMPTY_JOB;
}
