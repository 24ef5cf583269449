import { useCallback, useEffect, useRef, useState } from 'react';
import type { BuiltExpression, ConsumedCapacity, DynamoItem, DynamoJobProgress } from '@shared/models/dynamo';
import type { ReadRequestInput } from '@shared/models/dynamo-schemas';
import { ApiError, toApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';

export interface LastCall {
  kind: 'page' | 'fetchAll';
  count: number;
  scannedCount: number;
  consumed: ConsumedCapacity;
}

export interface ReaderState {
  status: 'idle' | 'loading' | 'fetching' | 'done' | 'cancelled' | 'error';
  error: ApiError | null;
  /** Grows as pages and chunks arrive; `version` changes with it. */
  count: number;
  version: number;
  /** Changes when the items are replaced (a new run, the next page) rather than appended to. */
  generation: number;
  cursor: DynamoItem | undefined;
  pages: number;
  last: LastCall | null;
  expression: BuiltExpression | null;
  job: { jobId: string; processed: number; retries: number } | null;
  throttle: { attempt: number; operation: string } | null;
  /** Calls of this read that were throttled and retried; kept once it is done, to explain the wait. */
  throttled: number;
}

const INITIAL: ReaderState = {
  status: 'idle',
  error: null,
  count: 0,
  version: 0,
  generation: 0,
  cursor: undefined,
  pages: 0,
  last: null,
  expression: null,
  job: null,
  throttle: null,
  throttled: 0,
};

/**
 * Reads a table page by page (`dynamo.read` with the cursor) or all at once (`dynamo.fetchAll`, items
 * pushed as `dynamo.items` chunks). Items live in a ref so a 100k-item fetch appends without copying;
 * renders are batched to one per frame.
 */
export function useItemReader(profile: string, region: string, onConsumed: (c: ConsumedCapacity) => void) {
  const api = useApi();
  const items = useRef<DynamoItem[]>([]);
  const [state, setState] = useState<ReaderState>(INITIAL);
  const request = useRef<ReadRequestInput | null>(null);
  const run = useRef(0);
  // Named here before fetchAll is asked, so the job's first chunk is already ours when it arrives.
  const job = useRef<string | null>(null);
  const frame = useRef<number | null>(null);
  const consumedRef = useRef(onConsumed);
  consumedRef.current = onConsumed;

  const flush = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setState((s) => ({ ...s, count: items.current.length, version: s.version + 1 }));
    });
  }, []);

  const onProgress = useCallback((p: DynamoJobProgress) => {
    if (p.state === 'running') {
      setState((s) => ({ ...s, job: { jobId: p.jobId, processed: p.processed, retries: p.retries } }));
      return;
    }
    job.current = null;
    consumedRef.current(p.consumed);
    setState((s) => ({
      ...s,
      status: p.state === 'failed' ? 'error' : p.state === 'cancelled' ? 'cancelled' : 'done',
      error: p.error
        ? new ApiError({ name: 'DynamoError', code: p.error.code, message: p.error.message })
        : null,
      count: items.current.length,
      version: s.version + 1,
      cursor: undefined,
      job: null,
      throttle: null,
      last: { kind: 'fetchAll', count: p.processed, scannedCount: p.processed, consumed: p.consumed },
    }));
  }, []);

  useEffect(() => {
    const offItems = api.on('dynamo.items', ({ jobId, items: chunk }) => {
      if (job.current !== jobId) return;
      for (const item of chunk) items.current.push(item);
      flush();
    });
    const offProgress = api.on('dynamo.jobProgress', (p) => {
      if (p.kind === 'fetchAll' && job.current === p.jobId) onProgress(p);
    });
    const offThrottle = api.on('dynamo.throttled', (n) => {
      const ours = n.jobId ? n.jobId === job.current : n.table === request.current?.table;
      if (ours)
        setState((s) =>
          s.status === 'loading' || s.status === 'fetching'
            ? { ...s, throttle: n, throttled: s.throttled + 1 }
            : s,
        );
    });
    return () => {
      offItems();
      offProgress();
      offThrottle();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, [api, flush, onProgress]);

  const read = useCallback(
    async (req: ReadRequestInput, mode: 'first' | 'next' | 'more') => {
      const id = ++run.current;
      const cursor = mode === 'first' ? undefined : state.cursor;
      request.current = req;
      setState((s) => ({ ...s, status: 'loading', error: null, throttle: null, throttled: 0 }));
      try {
        const page = await api.call('dynamo.read', {
          profile,
          region,
          request: req,
          ...(cursor ? { cursor } : {}),
        });
        if (id !== run.current) return;
        consumedRef.current(page.consumed);
        items.current = mode === 'more' ? items.current.concat(page.items) : page.items.slice();
        setState((s) => ({
          ...s,
          status: 'done',
          count: items.current.length,
          version: s.version + 1,
          generation: mode === 'more' ? s.generation : s.generation + 1,
          cursor: page.cursor,
          pages: mode === 'first' ? 1 : s.pages + 1,
          expression: page.expression,
          throttle: null,
          last: { kind: 'page', count: page.count, scannedCount: page.scannedCount, consumed: page.consumed },
        }));
      } catch (err) {
        if (id !== run.current) return;
        setState((s) => ({ ...s, status: 'error', error: toApiError(err), throttle: null }));
      }
    },
    [api, profile, region, state.cursor],
  );

  const fetchAll = useCallback(
    async (req: ReadRequestInput, segments: number) => {
      ++run.current;
      request.current = req;
      items.current = [];
      const jobId = crypto.randomUUID();
      job.current = jobId;
      setState((s) => ({
        ...s,
        status: 'fetching',
        error: null,
        count: 0,
        version: s.version + 1,
        generation: s.generation + 1,
        cursor: undefined,
        job: { jobId, processed: 0, retries: 0 },
        throttle: null,
        throttled: 0,
      }));
      try {
        const started = await api.call('dynamo.fetchAll', {
          profile,
          region,
          request: req,
          jobId,
          ...(req.mode === 'scan' ? { segments } : {}),
        });
        setState((s) => ({ ...s, expression: started.expression }));
      } catch (err) {
        if (job.current !== jobId) return;
        job.current = null;
        setState((s) => ({ ...s, status: 'error', error: toApiError(err), job: null }));
      }
    },
    [api, profile, region],
  );

  const cancel = useCallback(() => {
    if (job.current) void api.call('dynamo.cancelJob', { jobId: job.current });
  }, [api]);

  return { state, items, read, fetchAll, cancel };
}

export type ItemReader = ReturnType<typeof useItemReader>;
