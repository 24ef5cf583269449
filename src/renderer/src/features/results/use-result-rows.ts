import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { ROW_WINDOW_MAX, type ResultProgress, type RowsResult } from '@shared/models/sql';
import { useApi } from '@renderer/api/api-provider';
import { RowWindowCache } from './row-window-cache';

export interface RowSort {
  column: number;
  desc?: boolean;
}

export type ResultLoad = Pick<ResultProgress, 'rowCount' | 'complete' | 'stoppedAtLimit' | 'error'> & {
  /** The whole read, once complete (the answer's own duration is to its first window). */
  durationMs?: number;
};

const WINDOW_ROWS = 500;
// 24 windows of 500 rows: a few screens around the viewport, whatever the result size.
const MAX_WINDOWS = 24;

/**
 * A result's rows as the grid sees them: how many are loaded (from `sql.resultProgress`), and a window
 * cache over the current sort/filter view. Sort and filter apply to the rows loaded so far.
 */
export function useResultRows(result: RowsResult, sort: RowSort[], filter: string) {
  const api = useApi();
  const { resultId } = result;
  const initial: ResultLoad = {
    rowCount: result.rowCount,
    complete: result.complete,
    stoppedAtLimit: result.stoppedAtLimit,
  };
  // Kept with the result it belongs to, so a new result starts from its own answer.
  const [reported, setReported] = useState<{ resultId: string; load: ResultLoad } | null>(null);
  const load = reported?.resultId === resultId ? reported.load : initial;

  useEffect(() => {
    if (result.complete) return;
    const report = (next: (now: ResultLoad | undefined) => ResultLoad) =>
      setReported((now) => ({ resultId, load: next(now?.resultId === resultId ? now.load : undefined) }));
    const off = api.on('sql.resultProgress', (p) => {
      if (p.resultId !== resultId) return;
      report(() => ({
        rowCount: p.rowCount,
        complete: p.complete,
        stoppedAtLimit: p.stoppedAtLimit,
        error: p.error,
      }));
    });
    // Events sent before this component subscribed are gone: ask where reading is now.
    api.call('sql.rows', { resultId, offset: 0, limit: 1 }).then(
      (r) =>
        report((now) =>
          now?.complete
            ? now
            : {
                rowCount: Math.max(now?.rowCount ?? 0, r.total),
                complete: r.complete,
                stoppedAtLimit: r.stoppedAtLimit ?? false,
                error: r.error,
                durationMs: r.durationMs,
              },
        ),
      () => undefined,
    );
    return off;
  }, [api, result.complete, resultId]);

  const viewKey = JSON.stringify([sort, filter]);
  const plain = sort.length === 0 && filter === '';
  const cache = useMemo(() => {
    const c = new RowWindowCache(
      (offset, limit) =>
        api.call('sql.rows', {
          resultId,
          offset,
          limit: Math.min(limit, ROW_WINDOW_MAX),
          ...(sort.length > 0 ? { sort } : {}),
          ...(filter ? { filter } : {}),
        }),
      { windowSize: WINDOW_ROWS, maxWindows: MAX_WINDOWS },
    );
    if (plain) c.seed(result.rows, result.rowCount);
    else c.ensureFirst();
    return c;
    // viewKey stands for sort and filter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, resultId, viewKey]);
  useEffect(() => () => cache.dispose(), [cache]);
  useEffect(() => {
    if (plain) cache.grow(load.rowCount);
  }, [cache, plain, load.rowCount]);

  const version = useSyncExternalStore(cache.subscribe, cache.getVersion);
  return { cache, load, total: cache.total, version };
}
