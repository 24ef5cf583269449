/** One lexical token of MySQL/MariaDB text. Comments are not tokens; executable comments' contents are. */
export interface SqlToken {
  /** `string` is a '…' or "…" literal (an identifier under ANSI_QUOTES: one token either way). */
  type: 'word' | 'string' | 'quoted' | 'number' | 'punct';
  /** Words in upper case; anything else as written (literals and `quoted` names with their quotes). */
  text: string;
  /** The token is `sql.slice(start, end)` (UTF-16 offsets). */
  start: number;
  end: number;
  /** Parenthesis depth: a `(` and its `)` sit at the depth outside them. */
  depth: number;
}

export interface TokenizeOptions {
  /**
   * A backslash escapes the next character inside '…' and "…" (the server's default); false reads
   * the text as sql_mode NO_BACKSLASH_ESCAPES does (and "…" as ANSI_QUOTES does, without escapes).
   */
  backslashEscapes: boolean;
  /**
   * `/*!50700 … *\/` runs only on servers of that version or later: true reads such a comment as a
   * plain comment (an older server's view). Unversioned `/*! … *\/` is always code.
   */
  skipVersioned?: boolean;
}

export interface TokenizedSql {
  tokens: SqlToken[];
  /** A literal held a backslash, so the other reading of backslashes may cut the text differently. */
  ambiguous: boolean;
  /** A literal or quoted name runs to the end: the server refuses such text without running it. */
  unterminated: boolean;
  /** The text holds a versioned executable comment, which an older server reads as a comment. */
  versioned: boolean;
}

const WORD_START = /[A-Za-z_$\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const OPERATORS = ['<=>', ':=', '<=', '>=', '<>', '!=', '||', '&&', '<<', '>>', '->>', '->'];

/**
 * Tokens of the whole text, as the server's lexer cuts it: `-- ` (dash dash and a space or control
 * character), `#` and `/* *\/` comments are skipped; `/*! … *\/` and MariaDB's `/*M! … *\/` run on the
 * server, so their contents are read as code (see `skipVersioned` for servers older than they name).
 */
export function tokenizeSql(sql: string, opts: TokenizeOptions): TokenizedSql {
  const tokens: SqlToken[] = [];
  let ambiguous = false;
  let unterminated = false;
  let versioned = false;
  let depth = 0;
  let i = 0;
  const n = sql.length;
  const push = (type: SqlToken['type'], start: number, end: number, text = sql.slice(start, end)): void => {
    tokens.push({ type, text, start, end, depth });
  };
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#' || (c === '-' && next === '-' && (i + 2 >= n || sql.charCodeAt(i + 2) <= 32))) {
      const eol = sql.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
    } else if (c === '/' && next === '*') {
      const executable = sql.startsWith('/*!', i) ? 3 : sql.startsWith('/*M!', i) ? 4 : 0;
      const digits = executable ? /^\d*/.exec(sql.slice(i + executable))![0].length : 0;
      if (digits > 0) versioned = true;
      if (executable && !(digits > 0 && opts.skipVersioned)) {
        i += executable + digits;
      } else {
        const end = sql.indexOf('*/', i + 2);
        i = end < 0 ? n : end + 2;
      }
    } else if (c === '*' && next === '/') {
      i += 2; // the end of an executable comment
    } else if (c === "'" || c === '"' || c === '`') {
      const { end, closed } = quotedEnd(sql, i, opts.backslashEscapes && c !== '`');
      if (c !== '`' && sql.slice(i, end).includes('\\')) ambiguous = true;
      if (!closed) unterminated = true;
      push(c === '`' ? 'quoted' : 'string', i, end);
      i = end;
    } else if (/\d/.test(c) || (c === '.' && /\d/.test(next))) {
      let j = i + 1;
      while (j < n && (WORD_PART.test(sql[j]!) || (sql[j] === '.' && /\d/.test(sql[j + 1] ?? '')))) j++;
      // MySQL names may start with a digit (`1st`); only all-digit forms are numbers.
      const text = sql.slice(i, j);
      if (/^(\d*\.?\d+(e\d+)?|0x[0-9a-f]+|0b[01]+)$/i.test(text)) push('number', i, j);
      else push('word', i, j, text.toUpperCase());
      i = j;
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < n && WORD_PART.test(sql[j]!)) j++;
      push('word', i, j, sql.slice(i, j).toUpperCase());
      i = j;
    } else if (c === '(') {
      push('punct', i, i + 1);
      depth++;
      i++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
      push('punct', i, i + 1);
      i++;
    } else {
      const op = OPERATORS.find((o) => sql.startsWith(o, i)) ?? c;
      push('punct', i, i + op.length);
      i += op.length;
    }
  }
  return { tokens, ambiguous, unterminated, versioned };
}

/**
 * The ways a server may read the text: with and without backslash escapes when a literal holds a
 * backslash, and with versioned `/*!NNNNN … *\/` comments as code and as comments when there are any.
 */
export function sqlReadings(sql: string): TokenizedSql[] {
  const first = tokenizeSql(sql, { backslashEscapes: true });
  const escapes = first.ambiguous ? [true, false] : [true];
  const skips = first.versioned ? [false, true] : [false];
  return escapes.flatMap((backslashEscapes) =>
    skips.map((skipVersioned) =>
      backslashEscapes && !skipVersioned ? first : tokenizeSql(sql, { backslashEscapes, skipVersioned }),
    ),
  );
}

/** Where a quoted string or name ends: just past its closing quote, or at the end of an unclosed one. */
function quotedEnd(sql: string, from: number, backslashEscapes: boolean): { end: number; closed: boolean } {
  const quote = sql[from]!;
  let i = from + 1;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === '\\' && backslashEscapes) i += 2;
    else if (c === quote && sql[i + 1] === quote) i += 2;
    else if (c === quote) return { end: i + 1, closed: true };
    else i++;
  }
  return { end: sql.length, closed: false };
}

/** Splits tokens at top-level `;` (a compound statement holds several); empty pieces are dropped. */
export function splitAtSemicolons(tokens: SqlToken[]): SqlToken[][] {
  const pieces: SqlToken[][] = [[]];
  for (const t of tokens) {
    if (t.type === 'punct' && t.text === ';') pieces.push([]);
    else pieces[pieces.length - 1]!.push(t);
  }
  return pieces.filter((p) => p.length > 0);
}

/** Splits tokens at commas outside parentheses (relative to the first token's depth). */
export function splitAtCommas(tokens: SqlToken[]): SqlToken[][] {
  const base = tokens[0]?.depth ?? 0;
  const items: SqlToken[][] = [[]];
  for (const t of tokens) {
    if (t.type === 'punct' && t.text === ',' && t.depth === base) items.push([]);
    else items[items.length - 1]!.push(t);
  }
  return items.filter((item) => item.length > 0);
}

/** The name a token stands for: a word's upper case, a `quoted` name or quoted string without quotes. */
export function nameOf(token: SqlToken | undefined): string {
  if (!token) return '';
  if (token.type === 'word') return token.text;
  if (token.type === 'quoted' || token.type === 'string') {
    const q = token.text[0]!;
    return token.text
      .slice(1, token.text.endsWith(q) && token.text.length > 1 ? -1 : undefined)
      .split(q + q)
      .join(q)
      .toUpperCase();
  }
  return token.text;
}
