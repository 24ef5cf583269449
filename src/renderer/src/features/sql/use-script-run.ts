import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueryResult, ResultProgress } from '@shared/models/sql';
import type { SqlStatement } from '@shared/sql/split-statements';
import { ApiError, toApiError } from '@renderer/api/api-error';
import { useApi } from '@renderer/api/api-provider';
import { consentReason, riskyStatements, type RiskyStatement } from './safety-decision';

export type StatementStatus = 'waiting' | 'running' | 'done' | 'error' | 'skipped';

/** One statement of a run: what the result tab under the editor shows. */
export interface StatementRun {
  key: string;
  statement: SqlStatement;
  /** The statement is the editor's text (its offsets point into the editor), not SQL from the panel. */
  inEditor: boolean;
  status: StatementStatus;
  /** Made here before the statement is sent, so its progress events are heard from the first one. */
  resultId: string;
  result?: QueryResult;
  /** The latest `sql.resultProgress` for `resultId`. */
  progress?: ResultProgress;
  error?: ApiError;
}

/** A question for the user before statements are sent; answered through `answer`. */
export interface ConsentRequest {
  statements: RiskyStatement[];
  /** True when the server refused a statement the check here let through. */
  fromServer: boolean;
  answer: (ok: boolean) => void;
}

export type RunState = 'idle' | 'running' | 'done' | 'error';

interface Options {
  sessionId: string | null;
  /** The server no longer knows the session: show Reconnect. */
  onSessionGone: (reason: string) => void;
  /** A statement failed: mark it in the editor. */
  onStatementError: (statement: SqlStatement, error: ApiError) => void;
  /** Every statement of the run has an answer (history has new entries). */
  onFinished: () => void;
}

let nextKey = 0;

/**
 * Runs statements one after another on the tab's session, stopping at the first error. Destructive
 * statements are confirmed once, before anything is sent; a CONSENT_REQUIRED answer (the server's own
 * check caught one) asks again for that statement and resends it confirmed.
 */
export function useScriptRun({ sessionId, onSessionGone, onStatementError, onFinished }: Options) {
  const api = useApi();
  const [runs, setRuns] = useState<StatementRun[]>([]);
  const [running, setRunning] = useState(false);
  const [runCount, setRunCount] = useState(0);
  const [consent, setConsent] = useState<ConsentRequest | null>(null);
  const cancelled = useRef(false);
  const busy = useRef(false);
  const callbacks = useRef({ onSessionGone, onStatementError, onFinished });
  useEffect(() => {
    callbacks.current = { onSessionGone, onStatementError, onFinished };
  });

  const ask = useCallback(
    (statements: RiskyStatement[], fromServer: boolean) =>
      new Promise<boolean>((resolve) =>
        setConsent({
          statements,
          fromServer,
          answer: (ok) => {
            setConsent(null);
            resolve(ok);
          },
        }),
      ),
    [],
  );

  const update = (key: string, patch: Partial<StatementRun>) =>
    setRuns((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  // Listening from mount: every statement's id is known before it is sent, so no event is missed.
  useEffect(
    () =>
      api.on('sql.resultProgress', (progress) =>
        setRuns((all) =>
          all.some((r) => r.resultId === progress.resultId)
            ? all.map((r) => (r.resultId === progress.resultId ? { ...r, progress } : r))
            : all,
        ),
      ),
    [api],
  );

  const run = useCallback(
    /** `markErrors: false` for SQL that is not the editor's text (from the history panel). */
    async (statements: SqlStatement[], { markErrors = true }: { markErrors?: boolean } = {}) => {
      // A ref, not the state: two quick presses in one render must not start two runs.
      if (!sessionId || busy.current || statements.length === 0) return;
      busy.current = true;
      try {
        const risky = riskyStatements(statements);
        // Nothing is sent unless the user agrees to every destructive statement of the run.
        if (risky.length > 0 && !(await ask(risky, false))) return;
        const confirmed = new Set(risky.map((r) => r.index));
        const planned = statements.map((statement) => ({
          key: `s${++nextKey}`,
          statement,
          status: 'waiting' as const,
          resultId: crypto.randomUUID(),
          inEditor: markErrors,
        }));
        void closeResults(api, runs);
        setRuns(planned);
        setRunning(true);
        cancelled.current = false;
        for (const [index, { key, statement, resultId }] of planned.entries()) {
          if (cancelled.current) {
            update(key, { status: 'skipped' });
            continue;
          }
          update(key, { status: 'running' });
          const outcome = await send(statement.text, resultId, confirmed.has(index));
          if (outcome.ok) {
            update(key, { status: 'done', result: outcome.result });
            continue;
          }
          update(key, { status: 'error', error: outcome.error });
          if (outcome.error.code === 'NOT_FOUND') callbacks.current.onSessionGone(outcome.error.message);
          else if (markErrors && outcome.error.code !== 'CANCELLED')
            callbacks.current.onStatementError(statement, outcome.error);
          // Stop at the first error: the statements after it may depend on this one.
          cancelled.current = true;
        }
        setRunCount((n) => n + 1);
        callbacks.current.onFinished();
      } finally {
        busy.current = false;
        setRunning(false);
      }

      async function send(
        sql: string,
        resultId: string,
        isConfirmed: boolean,
      ): Promise<{ ok: true; result: QueryResult } | { ok: false; error: ApiError }> {
        try {
          const result = await api.call('sql.run', {
            sessionId: sessionId!,
            sql,
            resultId,
            ...(isConfirmed ? { confirmed: true } : {}),
          });
          return { ok: true, result };
        } catch (err) {
          const error = toApiError(err);
          if (error.code !== 'CONSENT_REQUIRED' || isConfirmed) return { ok: false, error };
          // The server's check caught what ours did not: ask for this statement, then send it confirmed.
          // A refused statement made no result, so its id is free for the confirmed one.
          if (await ask([consentReason(sql, error.message)], true)) return send(sql, resultId, true);
          const refused = {
            name: 'Cancelled',
            code: 'CANCELLED' as const,
            message: 'Not run: you cancelled it.',
          };
          return { ok: false, error: new ApiError(refused) };
        }
      }
    },
    // `runs` feeds closeResults (the previous run's results); a stale copy would leak them.
    [api, sessionId, ask, runs],
  );

  /** "Fetch all": runs one statement of the last run again without the row limit, in its tab. */
  const fetchAll = useCallback(
    async (key: string) => {
      const target = runs.find((r) => r.key === key);
      if (!sessionId || busy.current || !target) return;
      busy.current = true;
      void closeResults(api, [target]);
      setRunning(true);
      const resultId = crypto.randomUUID();
      update(key, { status: 'running', resultId, result: undefined, progress: undefined, error: undefined });
      try {
        const result = await api.call('sql.run', {
          sessionId,
          sql: target.statement.text,
          rowLimit: null,
          resultId,
        });
        update(key, { status: 'done', result });
      } catch (err) {
        update(key, { status: 'error', error: toApiError(err) });
      }
      busy.current = false;
      setRunning(false);
      setRunCount((n) => n + 1);
      callbacks.current.onFinished();
    },
    [api, sessionId, runs],
  );

  const cancel = useCallback(() => {
    if (!sessionId || !running) return;
    cancelled.current = true;
    void api.call('sql.cancel', { sessionId }).catch(() => undefined);
  }, [api, sessionId, running]);

  const state: RunState = running
    ? 'running'
    : runs.some((r) => r.status === 'error')
      ? 'error'
      : runs.length > 0
        ? 'done'
        : 'idle';

  return { runs, run, fetchAll, cancel, running, runCount, state, consent };
}

/** The previous run's results live in the main process's store until closed: one call releases them. */
async function closeResults(api: ReturnType<typeof useApi>, runs: StatementRun[]): Promise<void> {
  // The registry's cap per session has closed all but the newest few already; the contract takes 1000.
  const resultIds = runs.flatMap((r) => (r.result?.kind === 'rows' ? [r.result.resultId] : [])).slice(-1000);
  if (resultIds.length > 0) await api.call('sql.closeResults', { resultIds }).catch(() => undefined);
}
