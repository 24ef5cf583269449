import { lineStartOffsets } from '@shared/sql/split-statements';

/** Where in a statement an error points: offsets into the statement's text. */
export interface ErrorSpot {
  start: number;
  end: number;
  /** True when the server named the place; false when the whole statement is marked. */
  exact: boolean;
}

// `... for the right syntax to use near 'FRM users' at line 2` (MySQL and MariaDB, error 1064 and kin).
const NEAR = /near '([\s\S]*)' at line (\d+)\s*$/;
// `Unknown column 'x' in 'field list'`, `Table 'db.t' doesn't exist`, `Unknown table 't'`.
const NAMED = /^(?:Unknown column|Table|Unknown table|Unknown database|FUNCTION|PROCEDURE) '([^']+)'/;

/** A token at `offset`: a word, a quoted name or string, or one character. */
function tokenEnd(text: string, offset: number): number {
  const rest = text.slice(offset);
  const match = /^(?:[\w$]+|`[^`]*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\S)/.exec(rest);
  return offset + (match ? match[0].length : 0);
}

function wholeStatement(text: string): ErrorSpot {
  return { start: 0, end: text.length, exact: false };
}

/** The last token of the text (where "near ''" points: the statement ended too early). */
function lastToken(text: string): ErrorSpot {
  const trimmed = text.trimEnd();
  const start = Math.max(0, trimmed.search(/(?:[\w$]+|\S)$/));
  return { start, end: trimmed.length, exact: true };
}

/**
 * Where the server's message says the error is. A syntax error quotes the text from the error on
 * (cut to 80 characters) and its line within the statement; a name the server could not find is
 * looked up in the statement; anything else marks the whole statement.
 */
export function locateError(statement: string, message: string): ErrorSpot {
  const near = NEAR.exec(message);
  if (near) {
    const [, quoted = '', lineText = '1'] = near;
    if (quoted === '') return lastToken(statement);
    const lines = lineStartOffsets(statement);
    const lineStart = lines[Math.min(Number(lineText), lines.length) - 1] ?? 0;
    // The quote may be cut mid-character; a shorter prefix still finds the place.
    for (const probe of [quoted, quoted.slice(0, 20), quoted.split(/\s/)[0] ?? '']) {
      if (!probe) continue;
      const at = statement.indexOf(probe, lineStart);
      const found = at >= 0 ? at : statement.indexOf(probe);
      if (found >= 0) return { start: found, end: tokenEnd(statement, found), exact: true };
    }
    return { start: lineStart, end: tokenEnd(statement, lineStart), exact: true };
  }
  const named = NAMED.exec(message);
  if (named?.[1]) {
    // `db.t` may be written `t`, `db`.`t` or `db.t` in the statement: look for the last part.
    const name = named[1].split('.').pop()!;
    const pattern = new RegExp(`(^|[^\\w$])\`?(${escapeRegExp(name)})\`?(?![\\w$])`, 'i');
    const match = pattern.exec(statement);
    if (match) {
      const start = match.index + (match[1]?.length ?? 0);
      return { start, end: start + match[0].length - (match[1]?.length ?? 0), exact: true };
    }
  }
  return wholeStatement(statement);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
