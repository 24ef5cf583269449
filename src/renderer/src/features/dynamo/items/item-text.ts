import type { DynamoItem, DynamoTableDetail, DynamoValue, KeyElement } from '@shared/models/dynamo';
import {
  formatDynamoJson,
  formatPlainItem,
  parseDynamoJson,
  parsePlainItem,
} from '@shared/models/dynamo-values';
import { positioned, type JsonTextError } from '@shared/models/json-text';

/** The editor's two views of an item: plain JSON (tagged sets, binary) or DynamoDB JSON. */
export type ItemTextMode = 'plain' | 'dynamo';

export type ItemCheck = { ok: true; item: DynamoItem } | { ok: false; error: JsonTextError };

export function itemToText(item: DynamoItem, mode: ItemTextMode): string {
  return mode === 'plain' ? formatPlainItem(item) : formatDynamoJson(item);
}

/** The table's key attributes, partition key first. */
export function keyElements(table: Pick<DynamoTableDetail, 'partitionKey' | 'sortKey'>): KeyElement[] {
  return table.sortKey ? [table.partitionKey, table.sortKey] : [table.partitionKey];
}

export function keyNamesOf(table: Pick<DynamoTableDetail, 'partitionKey' | 'sortKey'>): string[] {
  return keyElements(table).map((k) => k.name);
}

/** The key attributes of an item (what deleteItem and the staging list identify it by). */
export function keyOf(item: DynamoItem, keyNames: string[]): DynamoItem {
  const key: DynamoItem = {};
  for (const name of keyNames) {
    const value = item[name];
    if (value !== undefined) key[name] = value;
  }
  return key;
}

function typeOf(value: DynamoValue): string {
  return Object.keys(value)[0] ?? '?';
}

const TYPE_NAMES: Record<string, string> = { S: 'a string', N: 'a number', B: 'binary' };

/**
 * The editor's text to an item, checked as DynamoDB would: well-formed JSON of the mode, the key
 * attributes present, and every declared attribute (table and index keys) of its declared type.
 * Errors carry the line and column the editor marks.
 */
export function checkItemText(
  text: string,
  mode: ItemTextMode,
  table: Pick<DynamoTableDetail, 'partitionKey' | 'sortKey' | 'attributes'>,
): ItemCheck {
  const parsed = mode === 'plain' ? parsePlainItem(text) : parseDynamoJson(text);
  if (!parsed.ok) return parsed;
  const item = parsed.item;
  for (const key of keyElements(table)) {
    if (item[key.name] === undefined)
      return { ok: false, error: positioned(text, `The key attribute "${key.name}" is missing`, 0) };
  }
  const declared = new Map<string, KeyElement>();
  for (const a of [...table.attributes, ...keyElements(table)]) declared.set(a.name, a);
  for (const [name, element] of declared) {
    const value = item[name];
    if (value === undefined) continue;
    const actual = typeOf(value);
    if (actual !== element.type) {
      const at = Math.max(0, text.indexOf(JSON.stringify(name)));
      const role = keyElements(table).some((k) => k.name === name) ? 'key attribute' : 'index key';
      const message = `The ${role} "${name}" must be ${TYPE_NAMES[element.type] ?? element.type}`;
      return { ok: false, error: positioned(text, message, at) };
    }
    if (element.type !== 'N' && 'S' in value && value.S === '')
      return {
        ok: false,
        error: positioned(
          text,
          `The key "${name}" cannot be empty`,
          Math.max(0, text.indexOf(JSON.stringify(name))),
        ),
      };
  }
  return { ok: true, item };
}

/** Text in one mode re-written in the other; a text that does not parse stays as it is. */
export function switchMode(
  text: string,
  from: ItemTextMode,
  to: ItemTextMode,
): { text: string; error?: JsonTextError } {
  if (from === to) return { text };
  const parsed = from === 'plain' ? parsePlainItem(text) : parseDynamoJson(text);
  if (!parsed.ok) return { text, error: parsed.error };
  return { text: itemToText(parsed.item, to) };
}

/** A one-line label of an item's key: `id=1001` or `pk=a, sk=2`. */
export function keyLabel(key: DynamoItem, keyNames: string[]): string {
  return keyNames
    .map((name) => {
      const v = key[name];
      const shown =
        v === undefined ? '?' : 'S' in v ? v.S : 'N' in v ? v.N : 'B' in v ? `b64:${v.B.slice(0, 12)}` : '…';
      return `${name}=${shown}`;
    })
    .join(', ');
}
