import type { DynamoThrottleNotice } from '../../shared/models/dynamo';
import { awsCodeOf } from '../aws/aws-errors';
import { fullJitterDelay, sleep } from './backoff';
import { isRetryable, isThrottle } from './dynamo-errors';

/** What one user action's calls share: who hears about throttling, and how to cancel. */
export interface CallContext {
  signal?: AbortSignal;
  jobId?: string;
  onThrottle?: (notice: DynamoThrottleNotice) => void;
  /** Counts retries for a job's progress. */
  retries?: { count: number };
  maxAttempts?: number;
  random?: () => number;
}

const DEFAULT_ATTEMPTS = 10;

/**
 * Runs one DynamoDB call, trying again after throttling (and 5xx) with exponential backoff and full
 * jitter. Our own loop rather than the SDK's so the UI can be told "throttled, retrying (attempt n)".
 */
export async function withRetry<T>(
  operation: string,
  table: string | undefined,
  ctx: CallContext,
  run: (abortSignal?: AbortSignal) => Promise<T>,
): Promise<T> {
  const max = ctx.maxAttempts ?? DEFAULT_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(ctx.signal);
    } catch (err) {
      if (ctx.signal?.aborted || attempt >= max || !isRetryable(err)) throw err;
      const delayMs = fullJitterDelay(attempt, 50, 5_000, ctx.random);
      if (ctx.retries) ctx.retries.count++;
      if (isThrottle(err)) {
        ctx.onThrottle?.({
          operation,
          ...(table ? { table } : {}),
          ...(ctx.jobId ? { jobId: ctx.jobId } : {}),
          attempt,
          delayMs,
          awsCode: awsCodeOf(err) ?? 'Throttling',
        });
      }
      await sleep(delayMs, ctx.signal);
    }
  }
}
