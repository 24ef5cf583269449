import { LabError } from '../lab-error';

/** A position in a sorted list: the sort key of the last item handed out, then a unique tiebreak. */
type Cursor = string[];

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * One page of `items`, ordered by `keyOf` (compared element by element; the last element must be unique,
 * e.g. an ARN). The token names the last item returned rather than an offset, so secrets created or
 * deleted between two calls neither repeat nor vanish from the pages that follow.
 */
export function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => Cursor,
  opts: { maxResults: number; nextToken?: string; descending?: boolean },
): Page<T> {
  const sign = opts.descending ? -1 : 1;
  const sorted = [...items].sort((a, b) => sign * compareKeys(keyOf(a), keyOf(b)));
  const after = opts.nextToken === undefined ? undefined : decodeToken(opts.nextToken);
  const start =
    after === undefined ? 0 : sorted.findIndex((item) => sign * compareKeys(keyOf(item), after) > 0);
  const rest = start < 0 ? [] : sorted.slice(start);
  const page = rest.slice(0, opts.maxResults);
  const last = page.at(-1);
  const more = rest.length > page.length && last !== undefined;
  return { items: page, nextToken: more ? encodeToken(keyOf(last)) : undefined };
}

function compareKeys(a: Cursor, b: Cursor): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function encodeToken(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeToken(token: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.every((part) => typeof part === 'string')) return value;
  } catch {
    // Reported below, as AWS does for any token it did not hand out.
  }
  throw new LabError('InvalidNextTokenException', 'The NextToken value is invalid.');
}
