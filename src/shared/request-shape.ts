/**
 * Objects and arrays nest no deeper than this in a request. A DynamoDB item nests at most 32 levels,
 * two on the wire each (`{ L: [...] }`); zod validates recursively and overflows the stack near 1000,
 * so depth is checked before any schema runs.
 */
export const MAX_REQUEST_DEPTH = 100;

/**
 * Values (objects, arrays and scalars together) in one request. The largest legitimate request, a
 * batch of 10,000 row edits, holds well under this; a frame of tiny values could hold tens of millions,
 * and a schema would then build an issue per value.
 */
export const MAX_REQUEST_VALUES = 2_000_000;

/**
 * Why a request's shape is refused before validation, or null when it is within the limits. Walks with
 * its own stack, so no input can overflow the call stack here either.
 */
export function requestShapeProblem(value: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let count = 0;
  while (stack.length > 0) {
    const next = stack.pop()!;
    count += 1;
    if (count > MAX_REQUEST_VALUES)
      return `the request holds more than ${MAX_REQUEST_VALUES.toLocaleString('en-US')} values`;
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= MAX_REQUEST_DEPTH)
      return `values are nested more than ${MAX_REQUEST_DEPTH} levels deep`;
    const children: unknown[] = Array.isArray(next.value) ? next.value : Object.values(next.value);
    if (count + stack.length + children.length > MAX_REQUEST_VALUES)
      return `the request holds more than ${MAX_REQUEST_VALUES.toLocaleString('en-US')} values`;
    for (const child of children) stack.push({ value: child, depth: next.depth + 1 });
  }
  return null;
}
