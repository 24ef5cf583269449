import type { Handlers } from '../../shared/rpc';
import type { EventHub } from '../events';
import type { HistoryStore } from './history-store';

type SqlHandlers = Pick<Handlers, 'sql.open' | 'sql.close' | 'sql.run'>;

/** Results still streaming whose final row count is awaited; bounded so forgotten ones cannot pile up. */
const MAX_STREAMING = 200;

/** Nothing ran: the server was never asked (consent missing, session gone, request refused). */
const NOT_RUN = new Set(['CONSENT_REQUIRED', 'NOT_FOUND', 'INVALID_REQUEST', 'READ_ONLY']);

/**
 * Wraps the SQL handlers so that every statement run is written to its connection's history, with its
 * duration, rows or affected rows, or its error. Done here rather than from the renderer so a run is
 * recorded even when the tab that sent it is gone before the answer.
 */
export function recordSqlHistory<H extends SqlHandlers>(
  handlers: H,
  history: Pick<HistoryStore, 'add' | 'update'>,
  events: Pick<EventHub, 'on'>,
  now: () => Date = () => new Date(),
): H {
  const profileOf = new Map<string, string>();
  const streaming = new Map<string, { profileId: string; entryId: string }>();

  events.on('sql.resultProgress', (progress) => {
    const pending = streaming.get(progress.resultId);
    if (!pending || !progress.complete) return;
    streaming.delete(progress.resultId);
    void history.update(pending.profileId, pending.entryId, { rowCount: progress.rowCount });
  });

  const record = (...args: Parameters<HistoryStore['add']>) => history.add(...args).catch(() => undefined);

  return {
    ...handlers,
    'sql.open': async (req, ctx) => {
      const session = await handlers['sql.open'](req, ctx);
      profileOf.set(session.sessionId, session.profileId);
      return session;
    },
    'sql.close': async (req, ctx) => {
      profileOf.delete(req.sessionId);
      return handlers['sql.close'](req, ctx);
    },
    'sql.run': async (req, ctx) => {
      const profileId = profileOf.get(req.sessionId);
      const started = now();
      const base = { sql: req.sql, startedAt: started.toISOString() };
      try {
        const result = await handlers['sql.run'](req, ctx);
        if (!profileId) return result;
        if (result.kind === 'ok') {
          await record({
            ...base,
            profileId,
            durationMs: result.durationMs,
            affectedRows: result.affectedRows,
          });
          return result;
        }
        const entry = await record({
          ...base,
          profileId,
          durationMs: result.durationMs,
          rowCount: result.rowCount,
        });
        if (entry && 'complete' in result && result.complete === false) {
          if (streaming.size >= MAX_STREAMING) streaming.delete(streaming.keys().next().value!);
          streaming.set(result.resultId, { profileId, entryId: entry.id });
        }
        return result;
      } catch (err) {
        const { code, message } = errorOf(err);
        if (profileId && !NOT_RUN.has(code)) {
          const durationMs = now().getTime() - started.getTime();
          await record({ ...base, profileId, durationMs, error: { code, message } });
        }
        throw err;
      }
    },
  };
}

function errorOf(err: unknown): { code: string; message: string } {
  const e = err as { code?: unknown; message?: unknown };
  return {
    code: typeof e?.code === 'string' ? e.code : 'INTERNAL',
    message: typeof e?.message === 'string' ? e.message : String(err),
  };
}
