import type { DynamoItem } from '@shared/models/dynamo';
import type { ItemTextMode } from './item-text';

/** An unsaved edit: its text and mode, and the item the write will be conditioned on. */
export interface ItemDraft {
  text: string;
  mode: ItemTextMode;
  loaded: DynamoItem | null;
}

// Drafts outlive the drawer (closing it, opening another item), so no edit is lost by a click.
// Not reactive: read once when an editor opens, written as the user types.
const drafts = new Map<string, ItemDraft>();

export function readDraft(key: string): ItemDraft | undefined {
  return drafts.get(key);
}

export function writeDraft(key: string, draft: ItemDraft): void {
  drafts.set(key, draft);
}

export function dropDraft(key: string): void {
  drafts.delete(key);
}

// The view last chosen (plain or DynamoDB JSON) is where the next editor opens.
let preferred: ItemTextMode = 'plain';

export function preferredMode(): ItemTextMode {
  return preferred;
}

export function setPreferredMode(mode: ItemTextMode): void {
  preferred = mode;
}
