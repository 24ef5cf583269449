import { useCallback, useEffect, useState } from 'react';
import type { ImportProgress } from '@shared/models/export';
import type { ImportAnswer, ImportDelimiter, ImportPreview } from '@shared/models/import';
import { toApiError, type ApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';

export interface ImportOptions {
  header: boolean;
  delimiter: ImportDelimiter | 'auto';
}

type Target = { profileId: string; database: string; table: string };

/** Preview, check, confirm and follow one CSV import. */
export function useImport(target: Target) {
  const api = useApi();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [events, setEvents] = useState<Record<string, ImportProgress>>({});

  useEffect(
    () => api.on('sql.importProgress', (p) => setEvents((all) => ({ ...all, [p.importId]: p }))),
    [api],
  );

  const guard = useCallback(async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }, []);

  const loadPreview = useCallback(
    (text: string, options: ImportOptions) =>
      guard(async () => {
        setAnswer(null);
        const next = await api.call('sql.importPreview', { ...target, text, ...options });
        setPreview(next);
        setMapping(next.mapping);
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, guard, target.profileId, target.database, target.table],
  );

  const submit = useCallback(
    (text: string, options: ImportOptions, mapping: (string | null)[], confirmed: boolean) =>
      guard(async () => {
        setAnswer(await api.call('sql.importCsv', { ...target, text, ...options, mapping, confirmed }));
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, guard, target.profileId, target.database, target.table],
  );

  const progress = answer?.status === 'started' ? (events[answer.importId] ?? null) : null;
  const cancel = (): void => {
    if (answer?.status === 'started') void api.call('sql.cancelImport', { importId: answer.importId });
  };
  const clear = (): void => {
    setPreview(null);
    setAnswer(null);
    setError(null);
  };
  return {
    preview,
    mapping,
    setMapping,
    answer,
    progress,
    error,
    busy,
    loadPreview,
    submit,
    cancel,
    clear,
    setAnswer,
  };
}
