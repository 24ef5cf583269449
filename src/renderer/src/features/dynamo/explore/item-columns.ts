import type { DynamoItem, DynamoValue } from '@shared/models/dynamo';
import { valueToPlain } from '@shared/models/dynamo-values';

/**
 * Columns as the union of the items' attributes: the key attributes first, in key order, then the
 * others in the order they were first seen. `known` carries the columns of earlier chunks, so
 * appending a chunk of a long fetch costs only the new items.
 */
export function unionColumns(
  keyNames: readonly string[],
  items: readonly DynamoItem[],
  known: readonly string[] = [],
): string[] {
  const seen = new Set(known);
  const rest = known.filter((c) => !keyNames.includes(c));
  for (const item of items) {
    for (const name of Object.keys(item)) {
      if (seen.has(name)) continue;
      seen.add(name);
      if (!keyNames.includes(name)) rest.push(name);
    }
  }
  const keys = keyNames.filter((k) => seen.has(k));
  return [...keys, ...rest];
}

/** The value's type tag (S, N, M, …). */
export function typeOf(value: DynamoValue): string {
  return Object.keys(value)[0] ?? '';
}

const MAX_CELL = 200;

/** A value on one line for a grid cell: strings as they are, numbers as text, documents as compact JSON. */
export function compactValue(value: DynamoValue): string {
  let text: string;
  if ('S' in value) text = value.S;
  else if ('N' in value) text = value.N;
  else if ('BOOL' in value) text = String(value.BOOL);
  else if ('NULL' in value) text = 'null';
  else if ('B' in value) text = `<binary ${base64Bytes(value.B)} bytes>`;
  else if ('SS' in value) text = `{${value.SS.map((s) => JSON.stringify(s)).join(', ')}}`;
  else if ('NS' in value) text = `{${value.NS.join(', ')}}`;
  else if ('BS' in value) text = `{${value.BS.length} binary}`;
  else text = JSON.stringify(valueToPlain(value));
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text;
}

/** The value in full for the viewer: plain JSON, indented. */
export function fullValue(value: DynamoValue): string {
  if ('S' in value) return value.S;
  return JSON.stringify(valueToPlain(value), null, 2);
}

export function base64Bytes(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.max(0, (b64.length / 4) * 3 - pad);
}
