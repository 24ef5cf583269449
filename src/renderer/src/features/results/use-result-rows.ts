import { useEffect, useMemo, useSyncExternalStore } from 'react';
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
 * How far reading has got: the answer (its first window) until a progress event says more. The caller
 * listened for the result's id before it ran the statement, so no event is missed and none is asked for.
 */
function loadOf(result: RowsResult, progress: ResultProgress | undefined): ResultLoad {
  const answer = {
    rowCount: result.rowCount,
    complete: result.complete,
    stoppedAtLimit: result.stoppedAtLimit,
  };
  if (result.complete || !progress || progress.resultId !== result.resultId) return answer;
  // Events sent before the answer arrived can be behind it.
  if (!progress.complete && progress.rowCount < result.rowCount) return answer;
  return {
    rowCount: progress.rowCount,
    complete: progress.complete,
    stoppedAtLimit: progress.stoppedAtLimit,
    error: progress.error,
    ...(progress.complete ? { durationMs: progress.durationMs } : {}),
  };
}

/**
 * A result's rows as the grid sees them: how many are loaded (from `sql.resultProgress`), and a window
 * cache over the current sort/filter view. Sort and filter apply to the rows loaded so far.
 */
export function useResultRows(
  result: RowsResult,
  sort: RowSort[],
  filter: string,
  /** The latest `sql.resultProgress` for this result, heard by whoever ran it (from before the call). */
  progress?: ResultProgress,
) {
  const api = useApi();
  const { resultId } = result;
  const load = loadOf(result, progress);

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
