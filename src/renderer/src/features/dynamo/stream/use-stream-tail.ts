import { useCallback, useEffect, useRef, useState } from 'react';
import type { StreamRecordDto, StreamTailStatus } from '@shared/models/dynamo';
import { ApiError, toApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { addRecords, type TailRecord } from './stream-records';

export interface TailState {
  status: 'idle' | 'starting' | 'running' | 'stopping' | 'stopped' | 'failed';
  shards: number | null;
  error: ApiError | null;
  records: TailRecord[];
}

const INITIAL: TailState = { status: 'idle', shards: null, error: null, records: [] };

/**
 * A live tail of one table's stream: `dynamo.startStream`, then `dynamo.streamRecords` and
 * `dynamo.streamStatus` pushes for its tail id. Stopped when the component using it unmounts (the
 * table or the DynamoDB tab closes), so no tail outlives its view.
 */
export function useStreamTail(profile: string, region: string, table: string) {
  const api = useApi();
  const [state, setState] = useState<TailState>(INITIAL);
  const tailId = useRef<string | null>(null);
  const starting = useRef(false);
  // Pushes that arrive before startStream's answer names the tail (its first status comes first).
  const early = useRef<{ records: StreamRecordDto[][]; status?: StreamTailStatus; id: string }[]>([]);

  const onRecords = useCallback((records: StreamRecordDto[]) => {
    const at = new Date().toISOString();
    setState((s) => ({ ...s, records: addRecords(s.records, records, at) }));
  }, []);

  const onStatus = useCallback((status: StreamTailStatus) => {
    if (status.state !== 'running') tailId.current = null;
    setState((s) => ({
      ...s,
      status: status.state,
      shards: status.shards ?? s.shards,
      error: status.error
        ? new ApiError({ name: 'DynamoError', code: status.error.code, message: status.error.message })
        : null,
    }));
  }, []);

  useEffect(() => {
    const stash = (id: string) => {
      let entry = early.current.find((e) => e.id === id);
      if (!entry) early.current.push((entry = { id, records: [] }));
      return entry;
    };
    const offRecords = api.on('dynamo.streamRecords', ({ tailId: id, records }) => {
      if (id === tailId.current) onRecords(records);
      else if (starting.current) stash(id).records.push(records);
    });
    const offStatus = api.on('dynamo.streamStatus', (status) => {
      if (status.tailId === tailId.current) onStatus(status);
      else if (starting.current) stash(status.tailId).status = status;
    });
    return () => {
      offRecords();
      offStatus();
      const id = tailId.current;
      tailId.current = null;
      if (id) void api.call('dynamo.stopStream', { tailId: id }).catch(() => undefined);
    };
  }, [api, onRecords, onStatus]);

  const start = useCallback(async () => {
    if (tailId.current || starting.current) return;
    starting.current = true;
    early.current = [];
    setState((s) => ({ ...s, status: 'starting', error: null }));
    try {
      const started = await api.call('dynamo.startStream', { profile, region, table });
      tailId.current = started.tailId;
      setState((s) => ({ ...s, status: 'running' }));
      const before = early.current.find((e) => e.id === started.tailId);
      for (const records of before?.records ?? []) onRecords(records);
      if (before?.status) onStatus(before.status);
    } catch (err) {
      setState((s) => ({ ...s, status: 'failed', error: toApiError(err) }));
    } finally {
      starting.current = false;
      early.current = [];
    }
  }, [api, profile, region, table, onRecords, onStatus]);

  const stop = useCallback(async () => {
    const id = tailId.current;
    if (!id) return;
    setState((s) => ({ ...s, status: 'stopping' }));
    try {
      await api.call('dynamo.stopStream', { tailId: id });
    } finally {
      // The tail's last status push may come later or not at all (it had already ended).
      if (tailId.current === id) tailId.current = null;
      setState((s) => (s.status === 'stopping' ? { ...s, status: 'stopped' } : s));
    }
  }, [api]);

  const clear = useCallback(() => setState((s) => ({ ...s, records: [] })), []);

  return { state, start, stop, clear };
}
