import { nameOf, splitAtCommas, type SqlToken } from './sql-tokens';

/**
 * Session variables a read-only profile may set: they shape results, limits and timeouts, and none
 * can make the session writable. Anything else (`SET TRANSACTION`, `tx_read_only`, `SET ROLE`, …)
 * is refused there, so the allow-list cannot be outflanked by a variable we did not think of.
 */
const HARMLESS_VARIABLES = new Set([
  'AUTOCOMMIT',
  'SQL_MODE',
  'TIME_ZONE',
  'MAX_STATEMENT_TIME',
  'MAX_EXECUTION_TIME',
  'CHARACTER_SET_CLIENT',
  'CHARACTER_SET_CONNECTION',
  'CHARACTER_SET_RESULTS',
  'COLLATION_CONNECTION',
  'SQL_SELECT_LIMIT',
  'MAX_JOIN_SIZE',
  'SQL_BIG_SELECTS',
  'SQL_SAFE_UPDATES',
  'GROUP_CONCAT_MAX_LEN',
  'NET_READ_TIMEOUT',
  'NET_WRITE_TIMEOUT',
  'WAIT_TIMEOUT',
  'INTERACTIVE_TIMEOUT',
  'LOCK_WAIT_TIMEOUT',
  'INNODB_LOCK_WAIT_TIMEOUT',
  'LC_TIME_NAMES',
  'LC_MESSAGES',
  'DIV_PRECISION_INCREMENT',
  'DEFAULT_WEEK_FORMAT',
  'PROFILING',
  'PROFILING_HISTORY_SIZE',
  'SQL_NOTES',
  'SQL_WARNINGS',
  'SQL_QUOTE_SHOW_CREATE',
  'LONG_QUERY_TIME',
]);

const GLOBAL_SCOPES = new Set(['GLOBAL', 'PERSIST', 'PERSIST_ONLY']);
const SESSION_SCOPES = new Set(['SESSION', 'LOCAL']);

export interface SetVerdict {
  /** `read`: harmless on a read-only profile; `write`: refused there; `ddl`: changes the whole server. */
  kind: 'read' | 'write' | 'ddl';
  /** Why a read-only profile refuses it, in the user's terms. */
  refusal?: string;
}

const WRITABLE = 'it would make the session writable';

/** The assignments of `SET a = 1, @b = 2, NAMES x, …` (the tokens after SET or SET STATEMENT). */
export function judgeAssignments(tokens: SqlToken[]): SetVerdict {
  let global = false;
  let verdict: SetVerdict = { kind: 'read' };
  for (const item of splitAtCommas(tokens)) {
    const one = judgeItem(item, global);
    global ||= one.global;
    if (one.kind === 'ddl' || (one.kind === 'write' && verdict.kind === 'read')) verdict = one;
  }
  return verdict;
}

function judgeItem(item: SqlToken[], globalBefore: boolean): SetVerdict & { global: boolean } {
  const word = (i: number): string => (item[i]?.type === 'word' ? item[i]!.text : '');
  const punct = (i: number): string => (item[i]?.type === 'punct' ? item[i]!.text : '');
  if (word(0) === 'NAMES' || word(0) === 'CHARSET' || (word(0) === 'CHARACTER' && word(1) === 'SET')) {
    return { kind: 'read', global: false };
  }
  let at = 0;
  let scope = globalBefore ? 'GLOBAL' : 'SESSION';
  if (punct(0) === '@' && punct(1) !== '@') return { kind: 'read', global: false }; // a user variable
  if (punct(0) === '@' && punct(1) === '@') {
    at = 2;
    if ((GLOBAL_SCOPES.has(word(2)) || SESSION_SCOPES.has(word(2))) && punct(3) === '.') {
      scope = word(2);
      at = 4;
    }
  } else if (GLOBAL_SCOPES.has(word(0)) || SESSION_SCOPES.has(word(0))) {
    scope = word(0);
    at = 1;
  }
  if (GLOBAL_SCOPES.has(scope)) {
    return { kind: 'ddl', global: true, refusal: 'it changes a setting of the whole server' };
  }
  const name = nameOf(item[at]);
  const assigned = punct(at + 1) === '=' || punct(at + 1) === ':=';
  if (name === 'TRANSACTION' || /READ_ONLY|^TX_|^TRANSACTION_/.test(name)) {
    return { kind: 'write', global: false, refusal: WRITABLE };
  }
  if (assigned && HARMLESS_VARIABLES.has(name)) return { kind: 'read', global: false };
  const what = assigned && name ? `it changes ${name.toLowerCase()}` : 'it is not a plain session setting';
  return { kind: 'write', global: false, refusal: `${what}, which a read-only profile keeps as it is` };
}
