import { AppError } from '../../shared/errors';
import { classifyStatement, type StatementClass } from '../../shared/sql/classify-statement';

// `SET SESSION TRANSACTION READ WRITE` or `START TRANSACTION READ WRITE` would lift the session's READ ONLY.
const LIFTS_READ_ONLY = /\bread\s+write\b|\b(tx|transaction)_read_only\b/i;

/**
 * Checked before a statement is sent: a read-only profile refuses anything but reads (the session is
 * also READ ONLY on the server, this is the clear message and the second lock), and destructive
 * statements need the user's confirmation.
 */
export function guardStatement(sql: string, opts: { readOnly: boolean; confirmed: boolean }): StatementClass {
  const statement = classifyStatement(sql);
  if (opts.readOnly) {
    const lifts = (statement.verb === 'SET' || statement.verb === 'START') && LIFTS_READ_ONLY.test(sql);
    if (statement.kind !== 'read' || lifts) {
      const what = lifts
        ? 'it would make the session writable'
        : statement.kind === 'ddl'
          ? 'it changes the schema or the server'
          : 'it writes data';
      throw new AppError(
        'SQL_ERROR',
        `This profile is read-only (READ ONLY): ${statement.verb || 'the statement'} was not sent because ${what}.`,
        { kind: 'read-only', verb: statement.verb },
      );
    }
  }
  if (statement.destructive && !opts.confirmed) {
    throw new AppError('CONSENT_REQUIRED', statement.reason ?? 'This statement is destructive.', {
      kind: 'destructive',
      verb: statement.verb,
    });
  }
  return statement;
}
