import { isName, isWord, tokenize, type Token } from './sql-completion-tokens';

/** A table the statement names, with the database when qualified and the alias when given. */
export interface TableRef {
  database: string | null;
  table: string;
  alias: string | null;
}

/**
 * What the cursor is asking for. `tables` are the tables in scope at the cursor, innermost query
 * first (a subquery sees its own tables, then the enclosing ones for correlated references).
 */
export type CompletionContext =
  | { kind: 'none' }
  /** After FROM/JOIN/UPDATE/INTO/TABLE; `database` when typing `db.|`. */
  | { kind: 'table'; prefix: string; from: number; database: string | null }
  /** After `name.` elsewhere: an alias, a table (columns) or a database (tables); `db.t.` gives two parts. */
  | { kind: 'member'; prefix: string; from: number; qualifier: string[]; tables: TableRef[] }
  /** Anywhere else in a statement: columns in scope, keywords, tables, databases. */
  | { kind: 'column'; prefix: string; from: number; tables: TableRef[] };

const TABLE_KEYWORDS = ['FROM', 'JOIN', 'STRAIGHT_JOIN', 'UPDATE', 'INTO', 'TABLE'];
/** Words that end a FROM list: after them a comma no longer introduces a table (ON does not: `JOIN b ON …, c`). */
const CLAUSE_KEYWORDS = [
  'SELECT',
  'WHERE',
  'GROUP',
  'ORDER',
  'HAVING',
  'LIMIT',
  'SET',
  'VALUES',
  'UNION',
  'WINDOW',
  'FOR',
  'RETURNING',
  'INTERSECT',
  'EXCEPT',
];
/** Words that may follow a table name and are not its alias. */
const NOT_ALIAS = new Set([
  ...CLAUSE_KEYWORDS,
  'ON',
  'USING',
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'CROSS',
  'NATURAL',
  'STRAIGHT_JOIN',
  'FULL',
  'OUTER',
  'PARTITION',
  'LOCK',
  'USE',
  'IGNORE',
  'FORCE',
  'INTO',
  'AS',
  'WITH',
  'DEFAULT',
  'FROM',
  'VALUE',
  'SELECT',
  'READ',
  'WRITE',
  'LOW_PRIORITY',
  'DELAYED',
  'HIGH_PRIORITY',
  'NOWAIT',
  'SKIP',
  'ADD',
  'DROP',
  'MODIFY',
  'CHANGE',
  'RENAME',
  'ALTER',
  'ENGINE',
  'ORDER',
  'LIMIT',
]);

interface Level {
  from: number;
  to: number;
}

/** The completion context at `offset` in `text` (the whole editor text; the statement is found here). */
export function completionContext(text: string, offset: number): CompletionContext {
  const all = tokenize(text);
  const at = all.find((t) => t.start < offset && (offset < t.end || (offset === t.end && t.open)));
  if (at && (at.kind === 'string' || at.kind === 'comment')) return { kind: 'none' };

  const tokens = statementAt(
    all.filter((t) => t.kind !== 'comment'),
    offset,
  );
  // The word being typed ends at the cursor; it is the prefix, not part of the statement's structure.
  const typing = tokens.find((t) => isName(t) && t.start < offset && offset <= t.end);
  const prefix = typing ? text.slice(typing.kind === 'quoted' ? typing.start + 1 : typing.start, offset) : '';
  // Where a suggestion starts replacing: the typed word, with its opening backtick.
  const from = typing ? typing.start : offset;
  const before = tokens.filter((t) => t.end <= offset && t !== typing);
  const structure = tokens.filter((t) => t !== typing);

  const levels = scopeLevels(structure, before.length);
  const tables = levels
    .slice()
    .reverse()
    .flatMap((level) => tableRefs(structure, level));

  const prev = before.at(-1);
  if (prev?.kind === 'punct' && prev.text === '.') {
    const qualifier = qualifierBefore(before);
    if (qualifier.length === 0) return { kind: 'column', prefix, from, tables };
    const lead = before[before.length - 1 - qualifier.length * 2];
    if (qualifier.length === 1 && isTableSlot(before, before.length - 2, lead)) {
      return { kind: 'table', prefix, from, database: qualifier[0]! };
    }
    return { kind: 'member', prefix, from, qualifier, tables };
  }
  if (isTableSlot(before, before.length, prev)) return { kind: 'table', prefix, from, database: null };
  return { kind: 'column', prefix, from, tables };
}

/** The tokens of the statement holding `offset` (statements end at `;`). */
function statementAt(tokens: Token[], offset: number): Token[] {
  let start = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (t.kind !== 'punct' || t.text !== ';') continue;
    if (t.end <= offset) start = i + 1;
    else return tokens.slice(start, i);
  }
  return tokens.slice(start);
}

/** The whole statement, then each parenthesised group that holds the cursor (the first `count` tokens). */
function scopeLevels(tokens: Token[], count: number): Level[] {
  const open: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '(') open.push(i);
    else if (t.text === ')') open.pop();
  }
  return [{ from: 0, to: tokens.length }, ...open.map((o) => ({ from: o + 1, to: matching(tokens, o) }))];
}

function matching(tokens: Token[], openIndex: number): number {
  let depth = 0;
  for (let i = openIndex; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth += 1;
    else if (t.text === ')' && --depth === 0) return i;
  }
  return tokens.length;
}

/** Tables named at the top depth of one level (nested subqueries are their own scopes). */
function tableRefs(tokens: Token[], level: Level): TableRef[] {
  const refs: TableRef[] = [];
  let depth = 0;
  let inFrom = false;
  for (let i = level.from; i < level.to; i += 1) {
    const t = tokens[i]!;
    if (t.kind === 'punct' && t.text === '(') depth += 1;
    else if (t.kind === 'punct' && t.text === ')') depth -= 1;
    if (depth !== 0) continue;
    if (isWord(t, ...TABLE_KEYWORDS)) {
      inFrom = isWord(t, 'FROM', 'JOIN', 'STRAIGHT_JOIN', 'UPDATE');
      const ref = tableRefAt(tokens, i + 1, level.to);
      if (ref) refs.push(ref);
    } else if (isWord(t, ...CLAUSE_KEYWORDS)) {
      inFrom = false;
    } else if (inFrom && t.kind === 'punct' && t.text === ',') {
      const ref = tableRefAt(tokens, i + 1, level.to);
      if (ref) refs.push(ref);
    }
  }
  return refs;
}

/** `name`, `db.name`, then an optional `[AS] alias`. */
function tableRefAt(tokens: Token[], i: number, end: number): TableRef | null {
  const first = tokens[i];
  if (i >= end || !isName(first) || (first.kind === 'word' && NOT_ALIAS.has(first.text.toUpperCase()))) {
    return null;
  }
  let database: string | null = null;
  let table = first.text;
  let j = i + 1;
  if (tokens[j]?.text === '.' && isName(tokens[j + 1]) && j + 1 < end) {
    database = first.text;
    table = tokens[j + 1]!.text;
    j += 2;
  }
  if (isWord(tokens[j], 'AS')) j += 1;
  const maybeAlias = tokens[j];
  const alias =
    j < end &&
    isName(maybeAlias) &&
    (maybeAlias.kind === 'quoted' || !NOT_ALIAS.has(maybeAlias.text.toUpperCase()))
      ? maybeAlias.text
      : null;
  return { database, table, alias };
}

/** The names before the trailing `.`: `u.` gives [u], `db.t.` gives [db, t]. */
function qualifierBefore(before: Token[]): string[] {
  const parts: string[] = [];
  let i = before.length - 1;
  while (parts.length < 2 && before[i]?.text === '.' && isName(before[i - 1])) {
    parts.unshift(before[i - 1]!.text);
    i -= 2;
  }
  return parts;
}

/** True when the token before position `count` asks for a table (FROM x, JOIN x, FROM a, x). */
function isTableSlot(before: Token[], count: number, prev: Token | undefined): boolean {
  if (isWord(prev, ...TABLE_KEYWORDS)) return true;
  if (prev?.kind !== 'punct' || prev.text !== ',') return false;
  // A comma continues a FROM list when the last clause word at this depth is FROM.
  let depth = 0;
  for (let i = count - 2; i >= 0; i -= 1) {
    const t = before[i]!;
    if (t.kind === 'punct' && t.text === ')') depth += 1;
    else if (t.kind === 'punct' && t.text === '(') {
      if (depth === 0) return false;
      depth -= 1;
    } else if (depth === 0 && isWord(t, 'FROM', 'UPDATE')) return true;
    else if (depth === 0 && isWord(t, ...CLAUSE_KEYWORDS, 'INTO')) return false;
  }
  return false;
}
