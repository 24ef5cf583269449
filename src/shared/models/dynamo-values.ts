import type { DynamoItem, DynamoValue } from './dynamo';
import { dynamoItemSchema, dynamoValueSchema } from './dynamo-schemas';
import {
  formatJsonTree,
  parseJsonText,
  positioned,
  RawNumber,
  setOwn,
  type JsonTextError,
  type JsonTree,
} from './json-text';

/*
 * "Plain JSON", the editor's friendly view of an item: strings, booleans, null, lists and maps as JSON
 * has them; numbers as JSON numbers (their digits kept in text); the rest tagged:
 *   {"$binary": "base64"}  {"$set": ["a"] | [1, 2] | [{"$binary": ...}]}  {"$number": "1.50"}
 * and a map that looks like one of these tags is wrapped as {"$map": {...}}.
 */
export const TAGS: ReadonlySet<string> = new Set(['$binary', '$set', '$number', '$map']);
export const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export class PlainJsonError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

/** A DynamoValue as a plain JSON tree (numbers as RawNumber so no digit is lost). */
export function valueToPlain(value: DynamoValue): JsonTree {
  if ('S' in value) return value.S;
  if ('N' in value) return JSON_NUMBER.test(value.N) ? new RawNumber(value.N) : { $number: value.N };
  if ('B' in value) return { $binary: value.B };
  if ('SS' in value) return { $set: [...value.SS] };
  if ('NS' in value) return { $set: value.NS.map((n) => valueToPlain({ N: n })) };
  if ('BS' in value) return { $set: value.BS.map((b) => ({ $binary: b })) };
  if ('M' in value) {
    const map = mapToPlain(value.M);
    const keys = Object.keys(map);
    return keys.length === 1 && TAGS.has(keys[0] ?? '') ? { $map: map } : map;
  }
  if ('L' in value) return value.L.map(valueToPlain);
  if ('NULL' in value) return null;
  return value.BOOL;
}

function mapToPlain(map: Record<string, DynamoValue>): { [key: string]: JsonTree } {
  const out: { [key: string]: JsonTree } = {};
  for (const [key, v] of Object.entries(map)) setOwn(out, key, valueToPlain(v));
  return out;
}

/** An item as plain JSON: an object, or `{"$map": ...}` when its only attribute looks like a tag. */
export function itemToPlain(item: DynamoItem): JsonTree {
  return valueToPlain({ M: item });
}

/** A plain JSON tree (or ordinary JS values: numbers become N) back to a DynamoValue. */
export function plainToValue(node: unknown, path = ''): DynamoValue {
  if (typeof node === 'string') return { S: node };
  if (typeof node === 'boolean') return { BOOL: node };
  if (node === null) return { NULL: true };
  if (node instanceof RawNumber) return { N: node.text };
  if (typeof node === 'number') {
    if (!Number.isFinite(node)) throw new PlainJsonError('DynamoDB numbers are finite', path);
    return { N: String(node) };
  }
  if (Array.isArray(node)) return { L: node.map((n, i) => plainToValue(n, `${path}[${i}]`)) };
  if (typeof node !== 'object') throw new PlainJsonError(`Cannot store a ${typeof node}`, path);
  const obj = node as Record<string, unknown>;
  const keys = Object.keys(obj);
  const tag = keys.length === 1 ? keys[0] : undefined;
  if (tag === '$map') return { M: plainToMap(asObject(obj.$map, `${path}.$map`), path) };
  if (tag === '$number') {
    const text = obj.$number;
    if (typeof text !== 'string' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text))
      throw new PlainJsonError('$number takes a number written as a string', path);
    return { N: text };
  }
  if (tag === '$binary') return { B: base64(obj.$binary, path) };
  if (tag === '$set') return setToValue(obj.$set, path);
  return { M: plainToMap(obj, path) };
}

function setToValue(members: unknown, path: string): DynamoValue {
  if (!Array.isArray(members) || members.length === 0)
    throw new PlainJsonError('$set takes a non-empty list (DynamoDB has no empty sets)', path);
  const values = members.map((m, i) => plainToValue(m, `${path}.$set[${i}]`));
  const unique = <T>(list: T[]): T[] => {
    if (new Set(list).size !== list.length) throw new PlainJsonError('A set cannot hold duplicates', path);
    return list;
  };
  if (values.every((v) => 'S' in v)) return { SS: unique(values.map((v) => v.S)) };
  if (values.every((v) => 'N' in v)) return { NS: unique(values.map((v) => v.N)) };
  if (values.every((v) => 'B' in v)) return { BS: unique(values.map((v) => v.B)) };
  throw new PlainJsonError('A set holds only strings, only numbers or only binaries', path);
}

function plainToMap(obj: Record<string, unknown>, path: string): Record<string, DynamoValue> {
  const out: Record<string, DynamoValue> = {};
  for (const [key, v] of Object.entries(obj))
    setOwn(out, key, plainToValue(v, path ? `${path}.${key}` : key));
  return out;
}

function asObject(node: unknown, path: string): Record<string, unknown> {
  if (node === null || typeof node !== 'object' || Array.isArray(node) || node instanceof RawNumber)
    throw new PlainJsonError('$map takes an object', path);
  return node as Record<string, unknown>;
}

function base64(node: unknown, path: string): string {
  if (typeof node !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(node))
    throw new PlainJsonError('$binary takes base64 text', path);
  return node;
}

export function plainToItem(node: unknown): DynamoItem {
  const value = plainToValue(node);
  if (!('M' in value)) throw new PlainJsonError('An item is a JSON object', '');
  return value.M;
}

export type ItemTextResult = { ok: true; item: DynamoItem } | { ok: false; error: JsonTextError };

export function formatPlainItem(item: DynamoItem, indent = 2): string {
  return formatJsonTree(itemToPlain(item), indent);
}

/** The editor's plain JSON text to an item; a mistake is reported at its position. */
export function parsePlainItem(text: string): ItemTextResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, item: plainToItem(parsed.value) };
  } catch (err) {
    if (err instanceof PlainJsonError) return { ok: false, error: positioned(text, err.message, 0) };
    throw err;
  }
}

export function formatDynamoJson(item: DynamoItem, indent = 2): string {
  return JSON.stringify(item, null, indent);
}

/** DynamoDB JSON text (`{"id": {"S": "1"}}`) to an item, checked against the value types. */
export function parseDynamoJson(text: string): ItemTextResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const candidate = toJs(parsed.value);
  const checked = dynamoItemSchema.safeParse(candidate);
  // zod's records skip a `__proto__` key, so that one attribute is checked on its own.
  const proto =
    isObject(candidate) && Object.hasOwn(candidate, '__proto__') ? candidate.__proto__ : undefined;
  const protoOk = proto === undefined || dynamoValueSchema.safeParse(proto).success;
  if (checked.success && protoOk) return { ok: true, item: candidate as DynamoItem };
  if (checked.success) return { ok: false, error: positioned(text, '__proto__: not a DynamoDB value', 0) };
  const issue = checked.error.issues[0];
  const where = issue?.path.map(String).join('.') ?? '';
  return { ok: false, error: positioned(text, `${where}: ${issue?.message ?? 'not DynamoDB JSON'}`, 0) };
}

// DynamoDB JSON carries numbers as strings, so a bare number is a type mistake left for the schema.
function toJs(tree: JsonTree): unknown {
  if (tree instanceof RawNumber) return Number(tree.text);
  if (Array.isArray(tree)) return tree.map(toJs);
  if (tree !== null && typeof tree === 'object')
    return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, toJs(v)]));
  return tree;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
