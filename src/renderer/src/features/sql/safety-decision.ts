import { classifyStatement } from '@shared/sql/classify-statement';
import type { SqlStatement } from '@shared/sql/split-statements';

/** A statement that needs the user's yes before it is sent, and why. */
export interface RiskyStatement {
  index: number;
  text: string;
  verb: string;
  reason: string;
}

const OBJECT_WORDS = new Set([
  'TABLE',
  'DATABASE',
  'SCHEMA',
  'VIEW',
  'INDEX',
  'PROCEDURE',
  'FUNCTION',
  'TRIGGER',
  'EVENT',
  'USER',
  'ROLE',
  'SEQUENCE',
  'SERVER',
  'TABLESPACE',
  'TEMPORARY',
  'IF',
]);

/** "DROP TABLE", "TRUNCATE": the classifier's label without a table name it took for a keyword. */
function displayVerb(verb: string): string {
  const [first = '', second] = verb.split(' ');
  return second && OBJECT_WORDS.has(second) ? `${first} ${second}` : first;
}

/**
 * The statements of a run the user must confirm first: DROP, TRUNCATE, ALTER, and UPDATE or DELETE
 * without WHERE (the same classifier the main process applies, so the two agree). Asked once, before
 * anything is sent, so cancelling leaves the database untouched.
 */
export function riskyStatements(statements: readonly Pick<SqlStatement, 'text'>[]): RiskyStatement[] {
  const risky: RiskyStatement[] = [];
  statements.forEach((s, index) => {
    const c = classifyStatement(s.text);
    if (c.destructive) risky.push({ index, text: s.text, verb: displayVerb(c.verb), reason: c.reason ?? '' });
  });
  return risky;
}

/** The reason the server gave when it refused a statement for want of consent (CONSENT_REQUIRED). */
export function consentReason(statement: string, serverMessage: string): RiskyStatement {
  const c = classifyStatement(statement);
  return { index: 0, text: statement, verb: displayVerb(c.verb), reason: c.reason ?? serverMessage };
}
