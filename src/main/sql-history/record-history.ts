import type { HistoryEntry } from '../../shared/models/sql-history';
import type { StatementObserver } from '../mysql/statement-observer';
import type { HistoryStore } from './history-store';

const CANCELLED = { code: 'CANCELLED', message: 'Query cancelled' };

/**
 * The history's subscription to the SQL sessions: every statement a session ran is written to its
 * connection's history, with its duration, rows or affected rows, or its error. Done in the main
 * process rather than from the renderer so a run is recorded even when the tab that sent it is gone
 * before the answer. Secrets are taken out by the store (see redact-secrets.ts).
 */
export function recordSqlHistory(history: Pick<HistoryStore, 'add' | 'update'>): StatementObserver {
  return {
    async statementSettled(statement) {
      const { profileId, sql, durationMs, outcome } = statement;
      const entry: Omit<HistoryEntry, 'id'> = {
        profileId,
        sql,
        startedAt: statement.startedAt.toISOString(),
        durationMs,
      };
      if (outcome.kind === 'error') entry.error = { code: outcome.code, message: outcome.message };
      else if (outcome.kind === 'cancelled') entry.error = CANCELLED;
      else if (statement.rowCount !== undefined) entry.rowCount = statement.rowCount;
      else entry.affectedRows = statement.affectedRows;
      const added = await history.add(entry).catch(() => undefined);
      // A result still streaming at the answer gets its final row count once reading is over.
      if (added && statement.finalRowCount) {
        void statement.finalRowCount
          .then((rowCount) => history.update(profileId, added.id, { rowCount }))
          .catch(() => undefined);
      }
    },
  };
}
