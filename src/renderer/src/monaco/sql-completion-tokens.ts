/** A small MySQL tokenizer for completion: enough structure to find statements, scopes and names. */

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'punct' | 'comment';

export interface Token {
  kind: TokenKind;
  /** For `quoted`, the name without backticks; for `word`, the text as typed. */
  text: string;
  start: number;
  end: number;
  /** A string, name or comment still open at the end of the text (the user is typing it). */
  open?: boolean;
}

const WORD = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Tokens of `sql`, without whitespace; an unterminated string, name or comment runs to the end. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (/\s/.test(c)) {
      i += 1;
    } else if ((c === '-' && next === '-' && /\s|$/.test(sql[i + 2] ?? '')) || c === '#') {
      const eol = sql.indexOf('\n', i);
      const end = eol < 0 ? sql.length : eol;
      // A line comment includes the end of its line: typing there is still typing in the comment.
      tokens.push({ kind: 'comment', text: sql.slice(i, end), start: i, end, open: true });
      i = end;
    } else if (c === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2);
      const end = close < 0 ? sql.length : close + 2;
      tokens.push({
        kind: 'comment',
        text: sql.slice(i, end),
        start: i,
        end,
        ...(close < 0 ? { open: true } : {}),
      });
      i = end;
    } else if (c === '`') {
      const end = closing(sql, i, '`');
      const text = sql.slice(i + 1, end).replaceAll('``', '`');
      tokens.push({
        kind: 'quoted',
        text,
        start: i,
        end: Math.min(end + 1, sql.length),
        ...openAt(sql, end),
      });
      i = end + 1;
    } else if (c === "'" || c === '"') {
      const end = closing(sql, i, c);
      const token = { kind: 'string' as const, text: sql.slice(i, end + 1), start: i };
      tokens.push({ ...token, end: Math.min(end + 1, sql.length), ...openAt(sql, end) });
      i = end + 1;
    } else if (WORD.test(c)) {
      let j = i + 1;
      while (j < sql.length && WORD.test(sql[j]!)) j += 1;
      const text = sql.slice(i, j);
      tokens.push({ kind: /^\d+$/.test(text) ? 'number' : 'word', text, start: i, end: j });
      i = j;
    } else {
      tokens.push({ kind: 'punct', text: c, start: i, end: i + 1 });
      i += 1;
    }
  }
  return tokens;
}

function openAt(sql: string, closeIndex: number): { open?: true } {
  return closeIndex >= sql.length ? { open: true } : {};
}

/** Index of the quote closing the one at `open` (doubled quotes and, in strings, backslashes escape). */
function closing(sql: string, open: number, quote: string): number {
  let i = open + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (c === '\\' && quote !== '`') {
      i += 2;
    } else if (c === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i;
    } else {
      i += 1;
    }
  }
  return sql.length;
}

export function isWord(token: Token | undefined, ...words: string[]): boolean {
  return token?.kind === 'word' && words.includes(token.text.toUpperCase());
}

/** A name a user can refer to: a bare word or a backtick-quoted one. */
export function isName(token: Token | undefined): token is Token {
  return token?.kind === 'word' || token?.kind === 'quoted';
}
