export interface PartiqlStatement {
  text: string;
  /** Offsets of the trimmed statement in the editor's text. */
  start: number;
  end: number;
}

/**
 * Splits the editor's text at `;` between statements. A `;` inside a 'string', a "quoted name" or a
 * comment (`-- …` or `/* … *\/`) does not split; empty statements are dropped.
 */
export function splitPartiql(text: string): PartiqlStatement[] {
  const out: PartiqlStatement[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body !== '' && !isOnlyComments(body))
      out.push({ text: body, start: start + lead, end: start + lead + body.length });
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      i = skipQuoted(text, i, ch);
    } else if (ch === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (ch === ';') {
      push(i);
      start = i + 1;
      i++;
    } else i++;
  }
  push(text.length);
  return out;
}

/** Past the closing quote; a doubled quote ('it''s') is part of the text. */
function skipQuoted(text: string, at: number, quote: string): number {
  let i = at + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

function isOnlyComments(body: string): boolean {
  return (
    body
      .replace(/--[^\n]*/g, '')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .trim() === ''
  );
}

/** PartiQL reads: a SELECT pages with NextToken; the rest are writes. */
export function isSelect(statement: string): boolean {
  return /^\s*(?:(?:--[^\n]*\n)|(?:\/\*[\s\S]*?\*\/)|\s)*select\b/i.test(statement);
}
