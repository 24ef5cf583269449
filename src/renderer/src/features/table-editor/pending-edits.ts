import type { Cell } from '@shared/models/sql';
import type { RowEdit, RowValues } from '@shared/models/table-edit';

/**
 * Changes not yet applied, keyed by each row's primary key so they survive paging and reloads.
 * `original` is the row as loaded: the server checks it before it writes.
 */
export interface PendingEdits {
  updates: Record<string, { original: RowValues; changes: RowValues }>;
  deletes: Record<string, RowValues>;
  inserts: { id: number; values: RowValues }[];
}

export const NO_EDITS: PendingEdits = { updates: {}, deletes: {}, inserts: [] };

export function rowValues(columns: string[], row: Cell[]): RowValues {
  return Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null]));
}

export function rowKey(primaryKey: string[], values: RowValues): string {
  return JSON.stringify(primaryKey.map((k) => values[k] ?? null));
}

export function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return String(a) === String(b);
}

/** Sets one cell of a loaded row; setting it back to its loaded value drops the change. */
export function editCell(
  p: PendingEdits,
  key: string,
  original: RowValues,
  column: string,
  value: Cell,
): PendingEdits {
  const current = p.updates[key] ?? { original, changes: {} };
  const changes = { ...current.changes };
  if (sameCell(original[column], value)) delete changes[column];
  else changes[column] = value;
  const updates = { ...p.updates };
  if (Object.keys(changes).length === 0) delete updates[key];
  else updates[key] = { original: current.original, changes };
  return { ...p, updates };
}

export function toggleDelete(p: PendingEdits, key: string, original: RowValues): PendingEdits {
  const deletes = { ...p.deletes };
  if (deletes[key]) delete deletes[key];
  else deletes[key] = original;
  return { ...p, deletes };
}

let nextInsertId = 1;

export function addInsert(p: PendingEdits): PendingEdits {
  return { ...p, inserts: [...p.inserts, { id: nextInsertId++, values: {} }] };
}

/** `undefined` leaves the column out of the INSERT, so its default applies. */
export function editInsert(
  p: PendingEdits,
  id: number,
  column: string,
  value: Cell | undefined,
): PendingEdits {
  return {
    ...p,
    inserts: p.inserts.map((row) => {
      if (row.id !== id) return row;
      const values = { ...row.values };
      if (value === undefined) delete values[column];
      else values[column] = value;
      return { id, values };
    }),
  };
}

export function removeInsert(p: PendingEdits, id: number): PendingEdits {
  return { ...p, inserts: p.inserts.filter((row) => row.id !== id) };
}

export function countEdits(p: PendingEdits): number {
  const updates = Object.keys(p.updates).filter((k) => !p.deletes[k]).length;
  return updates + Object.keys(p.deletes).length + p.inserts.length;
}

/** What is sent to previewEdits/applyEdits; a deleted row's pending updates are dropped. */
export function toRowEdits(p: PendingEdits): RowEdit[] {
  const edits: RowEdit[] = Object.values(p.deletes).map((original) => ({ kind: 'delete', original }));
  for (const [key, update] of Object.entries(p.updates)) {
    if (!p.deletes[key]) edits.push({ kind: 'update', original: update.original, changes: update.changes });
  }
  for (const row of p.inserts) edits.push({ kind: 'insert', values: row.values });
  return edits;
}
