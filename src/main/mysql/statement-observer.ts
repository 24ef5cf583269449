import type { QueryResult } from '../../shared/models/sql';
import type { RunOutcome } from './run-query';

export type StatementOutcome =
  | { kind: 'ok' }
  | { kind: 'error'; code: string; message: string }
  /** The user's cancel, while it ran or while it waited behind another statement. */
  | { kind: 'cancelled' };

/** One statement of a session, as it settled: what the answer to `sql.run` said. */
export interface SettledStatement {
  profileId: string;
  sessionId: string;
  sql: string;
  startedAt: Date;
  /** The answer's time (the first window's, for rows); up to the error for an error. */
  durationMs: number;
  outcome: StatementOutcome;
  /** A statement that returned rows: the rows stored when it answered. */
  rowCount?: number;
  /** A statement without rows: the rows it changed. */
  affectedRows?: number;
  /** Set when rows were still being read at the answer: the count once reading is over. */
  finalRowCount?: Promise<number>;
}

/**
 * Told about every statement a SQL session accepted (past the statement guard, on an open session),
 * once per statement, when its answer is known. The answer waits for it, so what a caller reads next
 * (the history) already has the statement; a failing observer never fails the statement.
 */
export interface StatementObserver {
  statementSettled(statement: SettledStatement): void | Promise<void>;
}

type Statement = Pick<SettledStatement, 'profileId' | 'sessionId' | 'sql'>;

/**
 * Watches one statement for the session manager: `waiting` for its turn in the session (a refusal
 * there is told too, except a closed session's), `answer` for the run itself.
 */
export function observeStatement(observer: StatementObserver | undefined, statement: Statement) {
  const startedAt = new Date();
  const tell = async (settled: Omit<SettledStatement, keyof Statement | 'startedAt'>): Promise<void> => {
    await Promise.resolve(observer?.statementSettled({ ...statement, startedAt, ...settled })).catch(
      () => undefined,
    );
  };
  const failed = async (err: unknown): Promise<never> => {
    const { code, message } = errorOf(err);
    // A closed session ran nothing: there is no statement to tell about.
    if (code !== 'NOT_FOUND') {
      const outcome: StatementOutcome =
        code === 'CANCELLED' ? { kind: 'cancelled' } : { kind: 'error', code, message };
      await tell({ durationMs: Date.now() - startedAt.getTime(), outcome });
    }
    throw err;
  };
  return {
    waiting: <T>(turn: Promise<T>): Promise<T> => turn.catch(failed),
    answer: async (first: Promise<QueryResult>, settled: Promise<RunOutcome>): Promise<QueryResult> => {
      const result = await first.catch(failed);
      const durationMs = result.durationMs;
      if (result.kind === 'ok') {
        await tell({ durationMs, outcome: { kind: 'ok' }, affectedRows: result.affectedRows });
      } else {
        const finalRowCount = result.complete ? undefined : settled.then((o) => o.rowCount);
        await tell({ durationMs, outcome: { kind: 'ok' }, rowCount: result.rowCount, finalRowCount });
      }
      return result;
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
