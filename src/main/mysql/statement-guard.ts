import { AppError } from '../../shared/errors';
import { classifyStatement, type StatementClass } from '../../shared/sql/classify-statement';

/**
 * Checked before a statement is sent: a read-only profile refuses anything but reads and harmless
 * session settings (the session is also READ ONLY on the server: this is the clear message, and the
 * lock that keeps anyone from lifting the server's), and destructive statements need the user's
 * confirmation. The renderer asks for that confirmation with the same classifier.
 */
export function guardStatement(sql: string, opts: { readOnly: boolean; confirmed: boolean }): StatementClass {
  const statement = classifyStatement(sql);
  if (opts.readOnly && statement.kind !== 'read') {
    const what =
      statement.refusal ??
      (statement.kind === 'ddl' ? 'it changes the schema or the server' : 'it writes data');
    throw new AppError(
      'SQL_ERROR',
      `This profile is read-only (READ ONLY): ${statement.verb || 'the statement'} was not sent because ${what}.`,
      { kind: 'read-only', verb: statement.verb },
    );
  }
  if (statement.destructive && !opts.confirmed) {
    throw new AppError('CONSENT_REQUIRED', statement.reason ?? 'This statement is destructive.', {
      kind: 'destructive',
      verb: statement.verb,
    });
  }
  return statement;
}
