import type { DynamoItem, TransactReason } from '@shared/models/dynamo';
import type { StagedChange } from '@shared/models/dynamo-schemas';
import { itemsEqual } from './item-diff';
import { keyLabel, keyOf } from './item-text';

/** TransactWriteItems takes at most this many changes. */
export const MAX_STAGED = 100;

export interface StagedEntry {
  id: string;
  change: StagedChange;
  keyNames: string[];
  /** `id=1001` — what the panel lists. */
  label: string;
  /** Why the last commit refused this change (from the cancellation reasons). */
  failure?: TransactReason;
}

export type StageResult = { ok: true; entries: StagedEntry[] } | { ok: false; reason: string };

function keyFor(change: StagedChange, keyNames: string[]): DynamoItem {
  return change.kind === 'put' ? keyOf(change.item, keyNames) : change.key;
}

function sameTarget(a: StagedEntry, change: StagedChange, keyNames: string[]): boolean {
  return (
    a.change.table === change.table && itemsEqual(keyFor(a.change, a.keyNames), keyFor(change, keyNames))
  );
}

let counter = 0;

/**
 * Adds a change to the list. A transaction may touch an item once, so a second change to the same
 * item replaces the first in place — keeping the first one's `expected`, which is what is stored.
 */
export function stageChange(entries: StagedEntry[], change: StagedChange, keyNames: string[]): StageResult {
  const label = keyLabel(keyFor(change, keyNames), keyNames);
  const at = entries.findIndex((e) => sameTarget(e, change, keyNames));
  if (at >= 0) {
    const prev = entries[at] as StagedEntry;
    const next = { ...withExpected(change, prev.change), id: prev.id };
    return {
      ok: true,
      entries: entries.map((e, i) => (i === at ? { id: prev.id, change: next.change, keyNames, label } : e)),
    };
  }
  if (entries.length >= MAX_STAGED)
    return {
      ok: false,
      reason: `A transaction holds at most ${MAX_STAGED} changes: commit or remove some first.`,
    };
  counter += 1;
  return { ok: true, entries: [...entries, { id: `staged-${counter}`, change, keyNames, label }] };
}

function withExpected(change: StagedChange, first: StagedChange): { change: StagedChange } {
  const expected = first.kind === 'put' ? first.expected : (first.expected ?? null);
  if (change.kind === 'put') return { change: { ...change, expected } };
  return { change: expected ? { ...change, expected } : { ...change } };
}

export function unstage(entries: StagedEntry[], id: string): StagedEntry[] {
  return entries.filter((e) => e.id !== id);
}

/** What dynamo.transactWrite takes, in the list's order (reasons come back by this index). */
export function toTransaction(entries: StagedEntry[]): StagedChange[] {
  return entries.map((e) => e.change);
}

/** Marks each entry with the reason the cancelled transaction gave for it; the rest lose old marks. */
export function applyReasons(entries: StagedEntry[], reasons: TransactReason[]): StagedEntry[] {
  return entries.map((entry, index) => {
    const failure = reasons.find((r) => r.index === index && r.code !== 'None');
    const { failure: _old, ...rest } = entry;
    return failure ? { ...rest, failure } : rest;
  });
}

/** Reasons out of an error's details, when it is a cancelled transaction. */
export function reasonsOf(details: Record<string, unknown> | undefined): TransactReason[] {
  const raw = details?.['reasons'];
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (r): r is TransactReason =>
      typeof r === 'object' && r !== null && typeof r.index === 'number' && typeof r.code === 'string',
  );
}

/** Short words for a cancellation code. */
export function reasonText(reason: TransactReason): string {
  const words: Record<string, string> = {
    ConditionalCheckFailed: 'Changed since it was loaded',
    TransactionConflict: 'Another transaction was writing this item',
    ItemCollectionSizeLimitExceeded: 'Item collection too large',
    ProvisionedThroughputExceeded: 'Throttled',
    ThrottlingError: 'Throttled',
    ValidationError: 'Refused by DynamoDB',
  };
  const head = words[reason.code] ?? reason.code;
  return reason.message && !words[reason.code] ? `${head}: ${reason.message}` : head;
}
