import { randomUUID } from 'node:crypto';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { ConsumedCapacity, DynamoJobProgress, DynamoThrottleNotice } from '../../shared/models/dynamo';
import { addCapacity, NO_CAPACITY } from '../../shared/models/dynamo-cost';
import { createLogger } from '../../node/logger';
import type { CallContext } from './with-retry';

const log = createLogger('dynamo.jobs');
/** Progress events at most this often while running; the final one always goes out. */
const PROGRESS_INTERVAL_MS = 200;

/** What a running job sees: its cancel signal, its counters, and the call context for its requests. */
export interface JobHandle {
  id: string;
  signal: AbortSignal;
  ctx: CallContext;
  processed: number;
  total?: number;
  /** Bytes written, for jobs that write a file. */
  bytes?: number;
  addConsumed(consumed: ConsumedCapacity): void;
  /** Emits progress (rate-limited). */
  report(): void;
}

export type JobResult = Pick<DynamoJobProgress, 'path' | 'report'>;

/** Background jobs (fetch all, export, import): progress events, cancel, and cancel-all on dispose. */
export class DynamoJobs {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly emit: (progress: DynamoJobProgress) => void,
    private readonly onThrottle: (notice: DynamoThrottleNotice) => void,
  ) {}

  /** `id` may be the caller's, so it could listen for the job's events before asking; one running is refused. */
  start(
    kind: DynamoJobProgress['kind'],
    run: (job: JobHandle) => Promise<JobResult>,
    id: string = randomUUID(),
  ): string {
    if (this.running.has(id))
      throw new AppError(
        'CONFLICT',
        `The job id "${id}" is in use by a running job; make a new one for each job.`,
      );
    const abort = new AbortController();
    this.running.set(id, abort);
    let consumed = NO_CAPACITY;
    let lastReport = 0;
    const retries = { count: 0 };
    const snapshot = (state: DynamoJobProgress['state']): DynamoJobProgress => ({
      jobId: id,
      kind,
      state,
      processed: handle.processed,
      ...(handle.total !== undefined ? { total: handle.total } : {}),
      ...(handle.bytes !== undefined ? { bytes: handle.bytes } : {}),
      consumed,
      retries: retries.count,
    });
    const handle: JobHandle = {
      id,
      signal: abort.signal,
      ctx: { signal: abort.signal, jobId: id, onThrottle: this.onThrottle, retries },
      processed: 0,
      addConsumed: (c) => {
        consumed = addCapacity(consumed, c);
      },
      report: () => {
        const now = Date.now();
        if (now - lastReport < PROGRESS_INTERVAL_MS) return;
        lastReport = now;
        this.emit(snapshot('running'));
      },
    };
    // Started on the next tick so the caller has the job id before the first event names it.
    setImmediate(() => {
      this.emit(snapshot('running'));
      run(handle)
        .then((result) => this.emit({ ...snapshot(abort.signal.aborted ? 'cancelled' : 'done'), ...result }))
        .catch((err: unknown) => {
          if (abort.signal.aborted) return this.emit(snapshot('cancelled'));
          log.warn('job failed', { kind, error: String(err) });
          this.emit({ ...snapshot('failed'), error: errorOf(err) });
        })
        .finally(() => this.running.delete(id));
    });
    return id;
  }

  cancel(id: string): boolean {
    const job = this.running.get(id);
    job?.abort(new AppError('CANCELLED', 'Cancelled'));
    return job !== undefined;
  }

  cancelAll(): void {
    for (const id of [...this.running.keys()]) this.cancel(id);
  }
}

function errorOf(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}
