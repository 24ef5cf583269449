import type { DynamoJobProgress, DynamoThrottleNotice } from '@shared/models/dynamo';

/** What the dialogs show of one job: its last progress, and a throttle notice while it is retrying. */
export interface JobView {
  progress: DynamoJobProgress | null;
  /** The last throttle notice, cleared when the job moves on (more items processed) or ends. */
  throttled: DynamoThrottleNotice | null;
}

export const EMPTY_JOB: JobView = { progress: null, throttled: null };

export function onProgress(view: JobView, progress: DynamoJobProgress): JobView {
  const movedOn =
    progress.state !== 'running' ||
    progress.processed > (view.progress?.processed ?? Number.NEGATIVE_INFINITY);
  return { progress, throttled: movedOn ? null : view.throttled };
}

export function onThrottled(view: JobView, notice: DynamoThrottleNotice): JobView {
  if (view.progress && view.progress.state !== 'running') return view;
  return { ...view, throttled: notice };
}

/** "Throttled, retrying (attempt 3, in 0.4 s)". */
export function throttleText(notice: DynamoThrottleNotice): string {
  const delay = notice.delayMs < 1000 ? `${notice.delayMs} ms` : `${(notice.delayMs / 1000).toFixed(1)} s`;
  return `Throttled (${notice.awsCode}), retrying: ${notice.operation} attempt ${notice.attempt + 1} in ${delay}`;
}
