/** A number as written: its digits kept, so 38-digit DynamoDB numbers survive parsing. */
export class RawNumber {
  constructor(readonly text: string) {}
}

export type JsonTree = string | boolean | null | RawNumber | JsonTree[] | { [key: string]: JsonTree };

export interface JsonTextError {
  message: string;
  /** 0-based character offset, 1-based line and column: where the editor puts its marker. */
  offset: number;
  line: number;
  column: number;
}

export type JsonTextResult = { ok: true; value: JsonTree } | { ok: false; error: JsonTextError };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class ParseFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * JSON.parse that keeps numbers as written and says where the text is wrong (line and column), for the
 * item editor: JSON.parse would round 12345678901234567890123456789012345678 and name no position.
 */
export function parseJsonText(text: string): JsonTextResult {
  let pos = 0;
  const fail = (message: string, at = pos): never => {
    throw new ParseFailure(message, at);
  };
  const skip = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos] ?? '')) pos++;
  };
  const expect = (ch: string): void => {
    skip();
    if (text[pos] !== ch) fail(`Expected '${ch}' but found ${describe(text[pos])}`);
    pos++;
  };
  const string = (): string => {
    const start = pos;
    pos++; // opening quote
    let out = '';
    for (;;) {
      const ch = text[pos];
      if (ch === undefined) fail('Unterminated string', start);
      if (ch === '"') break;
      if (ch === '\\') {
        const esc = text[pos + 1] ?? '';
        if (esc === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
          continue;
        }
        const mapped = ESCAPES[esc];
        if (mapped === undefined) fail(`Bad escape \\${esc}`);
        out += mapped;
        pos += 2;
        continue;
      }
      if ((ch ?? '') < ' ') fail('Control character in string');
      out += ch;
      pos++;
    }
    pos++;
    return out;
  };
  const value = (): JsonTree => {
    skip();
    const ch = text[pos];
    if (ch === '"') return string();
    if (ch === '{') {
      pos++;
      const obj: { [key: string]: JsonTree } = {};
      skip();
      if (text[pos] === '}') return (pos++, obj);
      for (;;) {
        skip();
        if (text[pos] !== '"') fail(`Expected a property name but found ${describe(text[pos])}`);
        const keyAt = pos;
        const key = string();
        if (Object.hasOwn(obj, key)) fail(`Duplicate key "${key}"`, keyAt);
        expect(':');
        setOwn(obj, key, value());
        skip();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') return (pos++, obj);
        else fail(`Expected ',' or '}' but found ${describe(text[pos])}`);
      }
    }
    if (ch === '[') {
      pos++;
      const list: JsonTree[] = [];
      skip();
      if (text[pos] === ']') return (pos++, list);
      for (;;) {
        list.push(value());
        skip();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') return (pos++, list);
        else fail(`Expected ',' or ']' but found ${describe(text[pos])}`);
      }
    }
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, pos)) return ((pos += word.length), v);
    }
    NUMBER.lastIndex = pos;
    const match = NUMBER.exec(text);
    if (match) return ((pos += match[0].length), new RawNumber(match[0]));
    return fail(`Unexpected ${describe(ch)}`);
  };
  try {
    const result = value();
    skip();
    if (pos < text.length) fail(`Unexpected ${describe(text[pos])} after the value`);
    return { ok: true, value: result };
  } catch (err) {
    if (!(err instanceof ParseFailure)) throw err;
    return { ok: false, error: positioned(text, err.message, err.offset) };
  }
}

export function positioned(text: string, message: string, offset: number): JsonTextError {
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before[before.length - 1]?.length ?? 0) + 1;
  return { message: `${message} (line ${line}, column ${column})`, offset, line, column };
}

/** The character found, as a user reads it: `"` would come out as `"\""` from JSON.stringify. */
function describe(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the text';
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (ch === "'") return 'a single quote';
  if (/\s/.test(ch)) return 'a blank';
  return `'${ch}'`;
}

/** JSON text with RawNumbers written as their digits. */
export function formatJsonTree(tree: JsonTree, indent = 2): string {
  const write = (node: JsonTree, depth: number): string => {
    const pad = ' '.repeat(indent * (depth + 1));
    const end = ' '.repeat(indent * depth);
    const nl = indent > 0 ? '\n' : '';
    if (node instanceof RawNumber) return node.text;
    if (Array.isArray(node)) {
      if (node.length === 0) return '[]';
      return `[${nl}${node.map((n) => pad + write(n, depth + 1)).join(`,${nl}`)}${nl}${end}]`;
    }
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node);
      if (entries.length === 0) return '{}';
      const sep = indent > 0 ? ': ' : ':';
      const body = entries.map(([k, v]) => `${pad}${JSON.stringify(k)}${sep}${write(v, depth + 1)}`);
      return `{${nl}${body.join(`,${nl}`)}${nl}${end}}`;
    }
    return JSON.stringify(node);
  };
  return write(tree, 0);
}

/** obj[key] = value, safe for the key `__proto__` (an own property, as JSON.parse makes it). */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
