import { useCallback, useEffect, useState } from 'react';
import type { ExportFormat, ExportProgress, ExportSource } from '@shared/models/export';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';

export type ExportState =
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'running' | 'done'; exportId: string; progress: ExportProgress | null }
  | { status: 'failed'; error: ApiError };

/**
 * Starts an export and follows its progress events. Events are kept from before the answer arrives,
 * so a fast export's last event is not missed.
 */
export function useExport() {
  const api = useApi();
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const [events, setEvents] = useState<Record<string, ExportProgress>>({});

  useEffect(
    () => api.on('sql.exportProgress', (p) => setEvents((all) => ({ ...all, [p.exportId]: p }))),
    [api],
  );

  const start = useCallback(
    async (source: ExportSource, format: ExportFormat) => {
      setState({ status: 'starting' });
      try {
        const { exportId } = await api.call('sql.export', { source, format });
        // The save dialog was dismissed: back to the choice, nothing written.
        setState(exportId ? { status: 'running', exportId, progress: null } : { status: 'idle' });
      } catch (err) {
        setState({ status: 'failed', error: toApiError(err) });
      }
    },
    [api],
  );

  const cancel = useCallback(() => {
    if (state.status === 'running') void api.call('sql.cancelExport', { exportId: state.exportId });
  }, [api, state]);

  const reset = useCallback(() => setState({ status: 'idle' }), []);

  const current: ExportState =
    state.status === 'running'
      ? {
          status: events[state.exportId]?.done ? 'done' : 'running',
          exportId: state.exportId,
          progress: events[state.exportId] ?? null,
        }
      : state;
  return { state: current, start, cancel, reset };
}
