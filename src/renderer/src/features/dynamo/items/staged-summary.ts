import { countChanges, diffItems } from './item-diff';
import type { StagedEntry } from './staging-list';

export type StagedKind = 'create' | 'update' | 'delete';

/** What a staged change does, for its badge. */
export function stagedKind(entry: StagedEntry): StagedKind {
  if (entry.change.kind === 'delete') return 'delete';
  return entry.change.expected === null ? 'create' : 'update';
}

/** A few words on what a staged change will write. */
export function stagedSummary(entry: StagedEntry): string {
  const { change } = entry;
  if (change.kind === 'delete') return 'removes the item';
  const attributes = Object.keys(change.item).length;
  if (change.expected === null) return `new item, ${attributes} attribute${attributes === 1 ? '' : 's'}`;
  const n = countChanges(diffItems(change.expected, change.item, entry.keyNames));
  return n === 0 ? 'no attribute changed' : `${n} attribute${n === 1 ? '' : 's'} changed`;
}
