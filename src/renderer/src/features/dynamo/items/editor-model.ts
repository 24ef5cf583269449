import type { DynamoItem, DynamoTableDetail, DynamoValue } from '@shared/models/dynamo';
import { valueToPlain } from '@shared/models/dynamo-values';
import { formatJsonTree, positioned } from '@shared/models/json-text';
import type { ItemEditorRequest } from '../item-editor-host';
import { valuesEqual } from './item-diff';
import {
  checkItemText,
  keyElements,
  keyLabel,
  keyNamesOf,
  type ItemCheck,
  type ItemTextMode,
} from './item-text';

type TableKeys = Pick<DynamoTableDetail, 'partitionKey' | 'sortKey' | 'attributes'>;

/** A new item's first text: the template (duplicate), or the key attributes with placeholder values. */
export function startingItem(table: TableKeys, template?: DynamoItem): DynamoItem {
  if (template) return template;
  const item: DynamoItem = {};
  for (const k of keyElements(table))
    item[k.name] = k.type === 'N' ? { N: '0' } : k.type === 'B' ? { B: '' } : { S: '' };
  return item;
}

/**
 * The editor's text checked for a write: as `checkItemText`, and when editing a loaded item, its key
 * unchanged — a put under another key would write a second item and leave the first.
 */
export function checkEdit(
  text: string,
  mode: ItemTextMode,
  table: TableKeys,
  loaded: DynamoItem | null,
): ItemCheck {
  const checked = checkItemText(text, mode, table);
  if (!checked.ok || !loaded) return checked;
  for (const name of keyNamesOf(table)) {
    const was = loaded[name];
    const now = checked.item[name];
    if (was && now && !valuesEqual(was, now)) {
      const message = `The key "${name}" cannot change here: that would write another item. Use Duplicate to copy an item under a new key`;
      return { ok: false, error: positioned(text, message, Math.max(0, text.indexOf(JSON.stringify(name)))) };
    }
  }
  return checked;
}

/** The drawer's heading for a request. */
export function editorTitle(request: ItemEditorRequest, keyNames: string[]): string {
  if (request.kind === 'edit') return `Edit ${keyLabel(request.item, keyNames)}`;
  if (request.kind === 'delete')
    return request.keys.length === 1 ? 'Delete 1 item' : `Delete ${request.keys.length} items`;
  return request.template ? `Duplicate ${keyLabel(request.template, keyNames)}` : 'New item';
}

/** One value on one line, as plain JSON (strings quoted, so "1" and 1 look different). */
export function valueText(value: DynamoValue | undefined): string {
  return value === undefined ? '' : formatJsonTree(valueToPlain(value), 0);
}

/** Where a request's draft is kept while the drawer is closed or shows something else. */
export function draftKey(
  scope: string,
  table: string,
  request: ItemEditorRequest,
  keyNames: string[],
): string {
  const target =
    request.kind === 'edit'
      ? `edit:${keyLabel(request.item, keyNames)}`
      : request.kind === 'new'
        ? `new:${request.template ? keyLabel(request.template, keyNames) : ''}`
        : 'delete';
  return `${scope}|${table}|${target}`;
}
