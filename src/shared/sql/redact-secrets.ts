import { sqlReadings, type SqlToken } from './sql-tokens';

/** What a redacted password reads as. */
export const REDACTED = "'***'";

export interface Redaction {
  /** The text with every password literal replaced by `'***'`. */
  text: string;
  /** The pieces of text removed, so an error message that quotes them can be cleaned too. */
  removed: string[];
}

type Span = [start: number, end: number];

/**
 * Removes passwords from SQL before it is kept anywhere (the query history): `IDENTIFIED BY/AS/USING
 * '…'`, `PASSWORD('…')`, `SET PASSWORD … = …`, `MASTER_PASSWORD=` / `SOURCE_PASSWORD=`, MySQL 8's
 * `REPLACE '…'` and PostgreSQL's `PASSWORD '…'`. Works on the same tokens as the statement
 * classifier, in every reading a server may make (backslash escapes or not), so no quoting trick
 * leaves a piece behind.
 */
export function redactSecrets(sql: string): Redaction {
  const merged = mergeSpans(sqlReadings(sql).flatMap((reading) => secretSpans(sql, reading.tokens)));
  let text = '';
  let at = 0;
  for (const [start, end] of merged) {
    text += sql.slice(at, start) + REDACTED;
    at = end;
  }
  return { text: text + sql.slice(at), removed: merged.map(([start, end]) => sql.slice(start, end)) };
}

/**
 * An error message about a redacted statement: the server quotes the text near the error (`near
 * '…' at line 1`), possibly cut inside a password, so that quote goes, and any removed piece too.
 */
export function redactMessage(message: string, removed: string[]): string {
  if (removed.length === 0) return message;
  let text = message.replace(
    /near '[\s\S]*' at line (\d+)/,
    'near (text hidden: it held a password) at line $1',
  );
  for (const piece of removed) {
    // Short pieces would mangle the message; the server's quote of the text is already gone.
    const inner = piece.replace(/^['"]|['"]$/g, '');
    for (const p of [piece, inner]) if (p.length >= 4) text = text.split(p).join('***');
  }
  return text;
}

const VALUE_KEYWORDS = new Set(['BY', 'AS', 'USING']);

function secretSpans(sql: string, tokens: SqlToken[]): Span[] {
  const spans: Span[] = [];
  const word = (i: number): string => (tokens[i]?.type === 'word' ? tokens[i]!.text : '');
  const text = (i: number): string => tokens[i]?.text ?? '';
  const value = (i: number): void => {
    if (i < tokens.length) spans.push(valueSpan(sql, tokens, i));
  };
  const first = word(0);
  tokens.forEach((t, i) => {
    const w = word(i);
    if (w === 'IDENTIFIED') {
      // Everything quoted up to the next user of the list (the password, its hash, the plugin's
      // USING string), except the plugin's name; and whatever follows BY, AS or USING, quoted or not.
      for (let j = i + 1; j < tokens.length; j++) {
        const u = tokens[j]!;
        if (u.depth <= t.depth && (u.text === ',' || u.text === ';')) break;
        const plugin = word(j - 1) === 'WITH' || word(j - 1) === 'VIA';
        const after = VALUE_KEYWORDS.has(word(j - 1)) && !['RANDOM', 'PASSWORD'].includes(word(j));
        if ((u.type === 'string' && !plugin) || after) {
          value(j);
        }
      }
    } else if (/PASSWORD$/.test(w)) {
      const next = text(i + 1);
      if (next === '(') value(i);
      else if (next === '=' || next === ':=') value(i + 2);
      else if (tokens[i + 1]?.type === 'string' || next.startsWith('$')) value(i + 1);
      else if (w === 'PASSWORD' && word(i + 1) === 'FOR') {
        const eq = tokens.findIndex((u, j) => j > i && u.text === '=');
        if (eq > 0) value(eq + 1);
      }
    } else if (
      w === 'REPLACE' &&
      tokens[i + 1]?.type === 'string' &&
      (first === 'ALTER' || first === 'SET')
    ) {
      value(i + 1); // MySQL 8: `… IDENTIFIED BY 'new' REPLACE 'current'`
    }
  });
  return spans;
}

/**
 * The text of one value starting at token `i`: a function call's arguments (`PASSWORD('x')` keeps
 * its name), an introduced literal (`_utf8mb4'x'`, `X'..'`), a PostgreSQL dollar-quoted string, or
 * the token itself.
 */
function valueSpan(sql: string, tokens: SqlToken[], i: number): Span {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (t.type === 'word' && next?.text === '(') {
    const close = tokens.findIndex((u, j) => j > i + 1 && u.text === ')' && u.depth === next.depth);
    return [next.end, close < 0 ? sql.length : tokens[close]!.start];
  }
  const dollar = /^\$(\w*)\$/.exec(sql.slice(t.start));
  if (dollar) {
    const end = sql.indexOf(dollar[0], t.start + dollar[0].length);
    return [t.start, end < 0 ? sql.length : end + dollar[0].length];
  }
  if (t.type === 'word' && next?.type === 'string' && next.start === t.end) return [t.start, next.end];
  return [t.start, t.end];
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
