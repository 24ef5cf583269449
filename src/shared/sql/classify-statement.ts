import { judgeAssignments } from './set-statement';
import { splitAtSemicolons, sqlReadings, type SqlToken } from './sql-tokens';

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
  /** Why a read-only profile refuses it, when the kind alone does not say (a SET that lifts READ ONLY). */
  refusal?: string;
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
  'DO',
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

const RANK: Record<StatementKind, number> = { read: 0, write: 1, ddl: 2 };

/**
 * Classifies a statement of `sql` (MySQL / MariaDB dialect) on its tokens, so comments, strings and
 * quoted names cannot hide or fake a keyword. Empty text reads as `read`. Whether a backslash
 * escapes depends on the session's sql_mode, which the text may have changed: when that matters,
 * both readings the server could run are classified and the stricter wins. Everything after a `;` counts too: the server
 * runs only one statement per call, except a compound one (`BEGIN NOT ATOMIC … END`), which runs all.
 */
export function classifyStatement(sql: string): StatementClass {
  let readings = sqlReadings(sql);
  // A reading that leaves a literal open is one the server refuses whole, unless both do.
  if (readings.some((r) => !r.unterminated)) readings = readings.filter((r) => !r.unterminated);
  const classes = readings.flatMap((r) => splitAtSemicolons(r.tokens).map(classifyTokens));
  return classes.reduce(stricter, { kind: 'read', verb: '', destructive: false });
}

/** The one to heed of two classes: destructive first, then the kind a read-only profile refuses most. */
function stricter(a: StatementClass, b: StatementClass): StatementClass {
  if (a.verb === '') return b;
  if (a.destructive !== b.destructive) return a.destructive ? a : b;
  return RANK[b.kind] > RANK[a.kind] ? b : a;
}

function word(tokens: SqlToken[], i: number): string {
  return tokens[i]?.type === 'word' ? tokens[i]!.text : '';
}

/** `FORMAT = JSON` after EXPLAIN or ANALYZE: how many tokens to skip. */
function formatOption(tokens: SqlToken[], i: number): number {
  return word(tokens, i) === 'FORMAT' && tokens[i + 1]?.text === '=' ? 3 : 0;
}

/** Where the statement that actually runs starts: past the CTEs of WITH, and past ANALYZE prefixes. */
function mainVerbIndex(tokens: SqlToken[]): number {
  let start = 0;
  while (tokens[start]?.text === '(') start++; // `(SELECT 1) UNION (SELECT 2)`
  if (word(tokens, start) === 'WITH') {
    const at = tokens.findIndex(
      (t, i) =>
        i > start &&
        t.depth === tokens[start]!.depth &&
        t.type === 'word' &&
        ['SELECT', 'UPDATE', 'DELETE', 'INSERT', 'REPLACE', 'TABLE', 'VALUES'].includes(t.text),
    );
    start = at < 0 ? 0 : at;
  }
  // `EXPLAIN ANALYZE DELETE …` (MySQL 8) and `ANALYZE [FORMAT=JSON] UPDATE …` (MariaDB) run the statement.
  if (['EXPLAIN', 'DESCRIBE', 'DESC'].includes(word(tokens, start))) {
    const after = start + 1 + formatOption(tokens, start + 1);
    if (word(tokens, after) === 'ANALYZE') start = after;
  }
  if (word(tokens, start) === 'ANALYZE' && word(tokens, start + 1) !== 'TABLE') {
    start += 1 + formatOption(tokens, start + 1);
  }
  return start;
}

function hasTopLevel(tokens: SqlToken[], from: number, text: string): boolean {
  return tokens.some((t, i) => i > from && t.depth === 0 && t.type === 'word' && t.text === text);
}

/** A compound statement (`BEGIN NOT ATOMIC`, `IF … END IF`, a label) runs what it holds unchecked. */
const COMPOUND: StatementClass = {
  kind: 'write',
  verb: 'BEGIN NOT ATOMIC',
  destructive: true,
  reason: 'A compound statement runs every statement inside it at once; they are not checked one by one.',
};
const COMPOUND_VERBS = new Set(['IF', 'CASE', 'LOOP', 'WHILE', 'REPEAT', 'FOR']);

function classifyTokens(tokens: SqlToken[]): StatementClass {
  const start = mainVerbIndex(tokens);
  const verb = word(tokens, start);
  const object = word(tokens, start + 1);
  const label = object && /^(CREATE|ALTER|DROP|TRUNCATE|RENAME)$/.test(verb) ? `${verb} ${object}` : verb;

  if (tokens.length === 0) return { kind: 'read', verb: '', destructive: false };
  if (verb === '') return { kind: 'write', verb: tokens[start]?.text ?? '', destructive: false };
  if (verb === 'SELECT' || verb === 'TABLE' || verb === 'VALUES') {
    // `SELECT ... INTO OUTFILE` writes a file on the server; `INTO @var` only sets variables.
    const into = tokens.findIndex((t, i) => i > start && t.type === 'word' && t.text === 'INTO');
    const writesFile = into >= 0 && ['OUTFILE', 'DUMPFILE'].includes(word(tokens, into + 1));
    return { kind: writesFile ? 'write' : 'read', verb: label, destructive: false };
  }
  if (verb === 'SET') return classifySet(tokens.slice(start));
  if (verb === 'START') {
    if (object !== 'TRANSACTION') return { kind: 'ddl', verb: `START ${object}`.trim(), destructive: false };
    const readWrite = tokens.some((t, i) => t.text === 'READ' && word(tokens, i + 1) === 'WRITE');
    return readWrite
      ? {
          kind: 'write',
          verb: 'START TRANSACTION',
          destructive: false,
          refusal: 'it would make the session writable',
        }
      : { kind: 'read', verb: 'START TRANSACTION', destructive: false };
  }
  if (verb === 'BEGIN') {
    return tokens.length === 1 || (object === 'WORK' && tokens.length === 2)
      ? { kind: 'read', verb, destructive: false }
      : COMPOUND;
  }
  if (COMPOUND_VERBS.has(verb) || tokens[start + 1]?.text === ':') return { ...COMPOUND, verb };
  if (READ_VERBS.has(verb)) return { kind: 'read', verb: label, destructive: false };
  if (verb === 'UPDATE' || verb === 'DELETE') {
    if (hasTopLevel(tokens, start, 'WHERE')) return { kind: 'write', verb, destructive: false };
    const reason = `${verb} without WHERE changes every row of the table.`;
    return { kind: 'write', verb, destructive: true, reason };
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

/**
 * `SET STATEMENT vars FOR <stmt>` runs `<stmt>`, so it is classified as that statement (and its
 * variables as a SET); any other SET by its assignments. A `FOR` may also sit inside a value, so
 * every top-level `FOR` is tried as the split and the strictest reading kept.
 */
function classifySet(tokens: SqlToken[]): StatementClass {
  if (word(tokens, 1) !== 'STATEMENT') {
    const set = judgeAssignments(tokens.slice(1));
    const verb = set.kind === 'ddl' ? 'SET GLOBAL' : 'SET';
    return { kind: set.kind, verb, destructive: false, ...(set.refusal ? { refusal: set.refusal } : {}) };
  }
  const base = tokens[0]!.depth;
  const splits = tokens.flatMap((t, i) =>
    i > 1 && t.depth === base && word(tokens, i) === 'FOR' ? [i] : [],
  );
  if (splits.length === 0) return { kind: 'write', verb: 'SET STATEMENT', destructive: false };
  const readings = splits.map((at) => {
    const inner = classifyTokens(tokens.slice(at + 1));
    const vars = judgeAssignments(tokens.slice(2, at));
    return RANK[vars.kind] > RANK[inner.kind]
      ? { ...inner, kind: vars.kind, ...(vars.refusal ? { refusal: vars.refusal } : {}) }
      : inner;
  });
  return readings.reduce(stricter);
}
