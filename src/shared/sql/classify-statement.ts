/** What a statement does, as far as safety checks care: read-only profiles refuse `write` and `ddl`. */
export type StatementKind = 'read' | 'write' | 'ddl';

export interface StatementClass {
  kind: StatementKind;
  /** The leading keyword(s) in upper case, e.g. `SELECT`, `DELETE`, `CREATE TABLE`. */
  verb: string;
  /** DROP, TRUNCATE, ALTER, and UPDATE or DELETE without WHERE: asked for confirmation first. */
  destructive: boolean;
  /** Why the statement is destructive, in the user's terms; set when `destructive`. */
  reason?: string;
}

interface Token {
  word: string;
  depth: number;
}

/**
 * The statement's words in upper case with their parenthesis depth, skipping comments, strings and
 * quoted identifiers, so `SELECT '; DROP TABLE x'` or `-- DELETE` cannot fool the checks. MySQL's
 * executable comments (`/*! ... *\/`) run on the server, so their content counts as code.
 */
function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-' && (i + 2 >= n || /\s/.test(sql[i + 2]!))) {
      i = skipTo(sql, i, '\n');
    } else if (c === '#') {
      i = skipTo(sql, i, '\n');
    } else if (c === '/' && next === '*') {
      if (sql[i + 2] === '!' || sql[i + 2] === 'M') {
        // `/*!50000 ...*/` and MariaDB's `/*M! ...*/`: skip the marker and version, keep the content.
        i += sql[i + 2] === 'M' ? 4 : 3;
        while (i < n && /\d/.test(sql[i]!)) i++;
      } else {
        const end = sql.indexOf('*/', i + 2);
        i = end < 0 ? n : end + 2;
      }
    } else if (c === '*' && next === '/') {
      i += 2; // the end of an executable comment
    } else if (c === "'" || c === '"' || c === '`') {
      i = skipQuoted(sql, i, c);
      tokens.push({ word: c === '`' ? '`' : "'", depth });
    } else if (c === '(') {
      depth++;
      i++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(sql[j]!)) j++;
      tokens.push({ word: sql.slice(i, j).toUpperCase(), depth });
      i = j;
    } else if (c === ';') {
      break; // one statement at a time: what follows is not sent with it
    } else {
      i++;
    }
  }
  return tokens;
}

function skipTo(sql: string, from: number, end: string): number {
  const at = sql.indexOf(end, from);
  return at < 0 ? sql.length : at + 1;
}

function skipQuoted(sql: string, from: number, quote: string): number {
  let i = from + 1;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === '\\' && quote !== '`') i += 2;
    else if (c === quote && sql[i + 1] === quote) i += 2;
    else if (c === quote) return i + 1;
    else i++;
  }
  return i;
}

const READ_VERBS = new Set([
  'SELECT',
  'SHOW',
  'DESCRIBE',
  'DESC',
  'EXPLAIN',
  'HELP',
  'VALUES',
  'TABLE',
  'USE',
  'SET',
  'DO',
  'BEGIN',
  'START',
  'COMMIT',
  'ROLLBACK',
  'SAVEPOINT',
  'RELEASE',
  'CHECKSUM',
  'XA',
]);
const WRITE_VERBS = new Set(['INSERT', 'REPLACE', 'UPDATE', 'DELETE', 'LOAD', 'CALL', 'HANDLER', 'IMPORT']);
const DDL_VERBS = new Set([
  'CREATE',
  'ALTER',
  'DROP',
  'TRUNCATE',
  'RENAME',
  'GRANT',
  'REVOKE',
  'OPTIMIZE',
  'REPAIR',
  'ANALYZE',
  'FLUSH',
  'INSTALL',
  'UNINSTALL',
  'PURGE',
  'RESET',
  'CHANGE',
  'LOCK',
  'UNLOCK',
  'KILL',
  'SHUTDOWN',
  'BINLOG',
  'CACHE',
]);

/** `WITH cte AS (...) DELETE ...`: the verb is the first top-level keyword after the CTEs. */
function mainVerbIndex(tokens: Token[]): number {
  if (tokens[0]?.word !== 'WITH') return 0;
  const at = tokens.findIndex(
    (t, i) =>
      i > 0 && t.depth === 0 && ['SELECT', 'UPDATE', 'DELETE', 'INSERT', 'TABLE', 'VALUES'].includes(t.word),
  );
  return at < 0 ? 0 : at;
}

function hasTopLevel(tokens: Token[], from: number, word: string): boolean {
  return tokens.some((t, i) => i > from && t.depth === 0 && t.word === word);
}

/** Classifies the first statement of `sql` (MySQL / MariaDB dialect). Empty text reads as `read`. */
export function classifyStatement(sql: string): StatementClass {
  const tokens = tokenize(sql);
  // `ANALYZE UPDATE ...` and `EXPLAIN ANALYZE DELETE ...` run the statement (MariaDB).
  let start = mainVerbIndex(tokens);
  if (tokens[start]?.word === 'EXPLAIN' && tokens[start + 1]?.word === 'ANALYZE') start += 1;
  if (tokens[start]?.word === 'ANALYZE' && tokens[start + 1]?.word !== 'TABLE') start += 1;
  const verb = tokens[start]?.word ?? '';
  const object = tokens[start + 1]?.word;
  const label = object && /^(CREATE|ALTER|DROP|TRUNCATE|RENAME)$/.test(verb) ? `${verb} ${object}` : verb;

  if (verb === '') return { kind: 'read', verb: '', destructive: false };
  if (verb === 'SELECT' || verb === 'TABLE' || verb === 'VALUES') {
    // `SELECT ... INTO OUTFILE` writes a file on the server; `INTO @var` only sets variables.
    const into = tokens.findIndex((t, i) => i > start && t.word === 'INTO');
    const writesFile = into >= 0 && ['OUTFILE', 'DUMPFILE'].includes(tokens[into + 1]?.word ?? '');
    return { kind: writesFile ? 'write' : 'read', verb: label, destructive: false };
  }
  if (verb === 'SET' && object === 'GLOBAL') return { kind: 'ddl', verb: 'SET GLOBAL', destructive: false };
  if (READ_VERBS.has(verb)) return { kind: 'read', verb: label, destructive: false };
  if (verb === 'UPDATE' || verb === 'DELETE') {
    const where = hasTopLevel(tokens, start, 'WHERE');
    return where
      ? { kind: 'write', verb, destructive: false }
      : {
          kind: 'write',
          verb,
          destructive: true,
          reason: `${verb} without WHERE changes every row of the table.`,
        };
  }
  if (WRITE_VERBS.has(verb)) return { kind: 'write', verb: label, destructive: false };
  if (verb === 'DROP' || verb === 'TRUNCATE' || verb === 'ALTER') {
    const reason =
      verb === 'DROP'
        ? `${label} deletes the object and everything in it.`
        : verb === 'TRUNCATE'
          ? 'TRUNCATE deletes every row of the table.'
          : `${label} changes the structure and may rewrite or lock the table.`;
    return { kind: 'ddl', verb: label, destructive: true, reason };
  }
  if (DDL_VERBS.has(verb)) return { kind: 'ddl', verb: label, destructive: false };
  // Unknown statements are treated as writes, so a read-only profile errs on the safe side.
  return { kind: 'write', verb: label, destructive: false };
}
