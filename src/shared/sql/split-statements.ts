import { mysqlSplitterOptions, splitQuery } from 'dbgate-query-splitter';

type SplitResultItemRich = Exclude<ReturnType<typeof splitQuery>[number], string>;

/** One statement of a script, with where it sits in the script (offsets in UTF-16 units, as Monaco counts). */
export interface SqlStatement {
  /** The statement as sent to the server: trimmed, without its delimiter. */
  text: string;
  /** Offset of the first character in the script. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** 1-based line and column of `start` (Monaco's convention). */
  line: number;
  column: number;
}

const OPTIONS = { ...mysqlSplitterOptions, returnRichInfo: true };

/**
 * Splits a MySQL/MariaDB script into statements with dbgate-query-splitter (strings, comments,
 * DELIMITER). The splitter misses two MySQL rules (DESIGN §8): `#` starts a comment, and `--` starts
 * one only when followed by whitespace (`SELECT 1--2` is arithmetic). So it splits a masked copy in
 * which those spots are blanked to the same length; the texts come from the original by offset.
 */
export function splitStatements(script: string): SqlStatement[] {
  const masked = maskForSplitter(script);
  const lineStarts = lineStartOffsets(script);
  const statements: SqlStatement[] = [];
  for (const item of splitQuery(masked, OPTIONS)) {
    if (typeof item === 'string') continue;
    const range = trimmedRange(masked, item);
    if (!range) continue;
    const { line, column } = positionOf(lineStarts, range.start);
    statements.push({ text: script.slice(range.start, range.end), ...range, line, column });
  }
  return statements;
}

/**
 * The item's range, or null when it holds only comments (the server would answer "Query was empty").
 * The masked copy has `#` comments as spaces, so the splitter's trimmed range already leaves them out.
 */
function trimmedRange(masked: string, item: SplitResultItemRich): { start: number; end: number } | null {
  const start = (item.trimStart ?? item.start).position;
  const end = (item.trimEnd ?? item.end).position;
  return start < end && hasCode(masked.slice(start, end)) ? { start, end } : null;
}

/** True when the text has something besides whitespace and comments (an executable `/*!` comment counts as code). */
function hasCode(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) i++;
    else if (text.startsWith('/*!', i)) return true;
    else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return false;
      i = close + 2;
    } else if (text.startsWith('--', i) && /^--(\s|$)/.test(text.slice(i, i + 3))) {
      const eol = text.indexOf('\n', i);
      if (eol < 0) return false;
      i = eol + 1;
    } else return true;
  }
  return false;
}

type Mode = 'code' | 'single' | 'double' | 'backtick' | 'block' | 'dash-comment' | 'hash-comment';

/**
 * A copy of the script of the same length where `#` comments are spaces and a `--` not followed by
 * whitespace has its second dash blanked, so the splitter neither splits inside the first nor
 * swallows the rest of the line after the second. Strings, identifiers, comments and DELIMITER
 * lines are left as they are.
 */
export function maskForSplitter(script: string): string {
  const out = script.split('');
  let mode: Mode = 'code';
  let atLineStart = true;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    const next = script[i + 1] ?? '';
    const lineStart = atLineStart;
    atLineStart = ch === '\n' || (atLineStart && (ch === ' ' || ch === '\t'));
    switch (mode) {
      case 'code':
        if (lineStart && /^DELIMITER[ \t]/i.test(script.slice(i, i + 10))) {
          // The delimiter may be any characters (`##`, `--`): leave its line to the splitter.
          const eol = script.indexOf('\n', i);
          i = (eol < 0 ? script.length : eol) - 1;
          continue;
        }
        if (ch === "'") mode = 'single';
        else if (ch === '"') mode = 'double';
        else if (ch === '`') mode = 'backtick';
        else if (ch === '/' && next === '*') {
          mode = 'block';
          i++;
        } else if (ch === '#') {
          mode = 'hash-comment';
          out[i] = ' ';
        } else if (ch === '-' && next === '-') {
          // MySQL: `--` opens a comment only before whitespace or a control character (or at the end).
          const after = script[i + 2];
          if (after === undefined || after.charCodeAt(0) <= 32 || /\s/.test(after)) mode = 'dash-comment';
          else out[i + 1] = ' ';
          i++;
        }
        break;
      case 'single':
      case 'double':
        if (ch === '\\') i++;
        else if (ch === (mode === 'single' ? "'" : '"')) mode = 'code';
        break;
      case 'backtick':
        if (ch === '`') mode = 'code';
        break;
      case 'block':
        if (ch === '*' && next === '/') {
          mode = 'code';
          i++;
        }
        break;
      case 'dash-comment':
      case 'hash-comment':
        if (ch === '\n') mode = 'code';
        else if (mode === 'hash-comment') out[i] = ' ';
        break;
    }
  }
  return out.join('');
}

/** Offsets where each line starts (line 1 at index 0). */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
export function positionOf(lineStarts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

/**
 * The statement the cursor is in: the last one starting at or before it (so a cursor after a
 * statement's `;` or on the blank lines below it still runs that statement), else the first.
 */
export function statementAt(statements: SqlStatement[], offset: number): SqlStatement | undefined {
  let found = statements[0];
  for (const s of statements) if (s.start <= offset) found = s;
  return found;
}
