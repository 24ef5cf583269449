import type { DynamoItem, DynamoValue } from '@shared/models/dynamo';

export type AttributeChange = 'added' | 'removed' | 'changed' | 'same';

export interface AttributeDiff {
  name: string;
  change: AttributeChange;
  before?: DynamoValue;
  after?: DynamoValue;
}

/**
 * Equal as DynamoDB sees it: numbers by value (`1.50` = `1.5`), sets whatever their order, maps by
 * content; lists keep their order.
 */
export function valuesEqual(a: DynamoValue, b: DynamoValue): boolean {
  if ('N' in a && 'N' in b) return sameNumber(a.N, b.N);
  if ('S' in a && 'S' in b) return a.S === b.S;
  if ('B' in a && 'B' in b) return a.B === b.B;
  if ('BOOL' in a && 'BOOL' in b) return a.BOOL === b.BOOL;
  if ('NULL' in a && 'NULL' in b) return true;
  if ('SS' in a && 'SS' in b) return sameSet(a.SS, b.SS, (x, y) => x === y);
  if ('NS' in a && 'NS' in b) return sameSet(a.NS, b.NS, sameNumber);
  if ('BS' in a && 'BS' in b) return sameSet(a.BS, b.BS, (x, y) => x === y);
  if ('L' in a && 'L' in b)
    return a.L.length === b.L.length && a.L.every((v, i) => valuesEqual(v, b.L[i] as DynamoValue));
  if ('M' in a && 'M' in b) return itemsEqual(a.M, b.M);
  return false;
}

export function itemsEqual(a: DynamoItem, b: DynamoItem): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && valuesEqual(a[k] as DynamoValue, b[k] as DynamoValue));
}

function sameNumber(a: string, b: string): boolean {
  return a === b || normalizeNumber(a) === normalizeNumber(b);
}

/** A decimal's canonical spelling (sign, digits without padding, exponent), without losing digits. */
export function normalizeNumber(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) return text;
  const [, sign = '', int = '', frac = '', exp = '0'] = match;
  let digits = `${int}${frac}`;
  let point = int.length + Number(exp);
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead);
  point -= lead;
  digits = digits.replace(/0+$/, '');
  if (digits === '') return '0';
  return `${sign === '-' ? '-' : ''}0.${digits}e${point}`;
}

function sameSet<T>(a: T[], b: T[], eq: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => eq(x, y)));
}

/**
 * Attribute by attribute, `before` against `after` (either may be absent: an insert, a remove).
 * Key attributes first (in `keyNames` order), then the rest by name, so two views line up.
 */
export function diffItems(
  before: DynamoItem | undefined,
  after: DynamoItem | undefined,
  keyNames: string[] = [],
): AttributeDiff[] {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const ordered = [
    ...keyNames.filter((k) => names.has(k)),
    ...[...names].filter((n) => !keyNames.includes(n)).sort((x, y) => x.localeCompare(y)),
  ];
  return ordered.map((name) => {
    const b = before && Object.hasOwn(before, name) ? before[name] : undefined;
    const a = after && Object.hasOwn(after, name) ? after[name] : undefined;
    const change: AttributeChange =
      b === undefined ? 'added' : a === undefined ? 'removed' : valuesEqual(b, a) ? 'same' : 'changed';
    return { name, change, ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) };
  });
}

/** How many attributes differ: the headline of a diff. */
export function countChanges(diff: AttributeDiff[]): number {
  return diff.filter((d) => d.change !== 'same').length;
}
