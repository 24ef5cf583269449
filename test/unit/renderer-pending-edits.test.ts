import { describe, expect, it } from 'vitest';
import {
  addInsert,
  countEdits,
  editCell,
  editInsert,
  NO_EDITS,
  rowKey,
  toggleDelete,
  toRowEdits,
} from '../../src/renderer/src/features/table-editor/pending-edits';

const ann = { id: 1, name: 'Ann', note: null };
const bob = { id: 2, name: 'Bob', note: '' };
const key = (row: Record<string, unknown>) => rowKey(['id'], row as never);

describe('pending table edits', () => {
  it('keeps NULL and the empty string apart and forgets a change set back to the loaded value', () => {
    let p = editCell(NO_EDITS, key(ann), ann, 'note', '');
    expect(p.updates[key(ann)]!.changes).toEqual({ note: '' });
    p = editCell(p, key(ann), ann, 'note', null);
    expect(p.updates).toEqual({});
    expect(countEdits(p)).toBe(0);
  });

  it('turns pending changes into deletes, updates and inserts; a deleted row drops its updates', () => {
    let p = editCell(NO_EDITS, key(ann), ann, 'name', 'Anna');
    p = editCell(p, key(bob), bob, 'name', 'Bobby');
    p = toggleDelete(p, key(bob), bob);
    p = addInsert(p);
    p = editInsert(p, p.inserts[0]!.id, 'name', 'Cy');
    expect(countEdits(p)).toBe(3);
    expect(toRowEdits(p)).toEqual([
      { kind: 'delete', original: bob },
      { kind: 'update', original: ann, changes: { name: 'Anna' } },
      { kind: 'insert', values: { name: 'Cy' } },
    ]);
    // Deleting again undoes the delete; the earlier update comes back.
    p = toggleDelete(p, key(bob), bob);
    expect(toRowEdits(p).map((e) => e.kind)).toEqual(['update', 'update', 'insert']);
  });
});
