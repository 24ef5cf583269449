import { describe, expect, it } from 'vitest';
import type { DynamoItem } from '../../src/shared/models/dynamo';
import {
  checkEdit,
  draftKey,
  editorTitle,
  startingItem,
  valueText,
} from '../../src/renderer/src/features/dynamo/items/editor-model';
import { itemToText } from '../../src/renderer/src/features/dynamo/items/item-text';
import { stagedKind, stagedSummary } from '../../src/renderer/src/features/dynamo/items/staged-summary';
import { stageChange, type StagedEntry } from '../../src/renderer/src/features/dynamo/items/staging-list';

const USERS = {
  partitionKey: { name: 'UserID', type: 'S' as const },
  attributes: [{ name: 'UserID', type: 'S' as const }],
};
const ORDERS = {
  partitionKey: { name: 'pk', type: 'S' as const },
  sortKey: { name: 'n', type: 'N' as const },
  attributes: [
    { name: 'pk', type: 'S' as const },
    { name: 'n', type: 'N' as const },
  ],
};
const ann: DynamoItem = { UserID: { S: '1001' }, Name: { S: 'Ann' } };

describe('a new item', () => {
  it('starts from the key attributes with placeholders, or from the template of a duplicate', () => {
    expect(startingItem(ORDERS)).toEqual({ pk: { S: '' }, n: { N: '0' } });
    expect(startingItem(USERS, ann)).toBe(ann);
  });

  it('is refused until its string key is filled in', () => {
    const text = itemToText(startingItem(USERS), 'plain');
    const checked = checkEdit(text, 'plain', USERS, null);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error.message).toContain('"UserID" cannot be empty');
  });
});

describe('checking an edit before it is written', () => {
  it('accepts a changed attribute and returns the item to write', () => {
    const text = '{ "UserID": "1001", "Name": "Anna", "Age": 31 }';
    const checked = checkEdit(text, 'plain', USERS, ann);
    expect(checked).toEqual({
      ok: true,
      item: { UserID: { S: '1001' }, Name: { S: 'Anna' }, Age: { N: '31' } },
    });
  });

  it('refuses a changed key, pointing at the key attribute and suggesting Duplicate', () => {
    const text = '{\n  "Name": "Ann",\n  "UserID": "1003"\n}';
    const checked = checkEdit(text, 'plain', USERS, ann);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error.message).toMatch(/"UserID" cannot change.*Duplicate/);
    expect([checked.error.line, checked.error.column]).toEqual([3, 3]);
  });

  it('lets a new item have any key, and still reports malformed JSON at its line and column', () => {
    expect(checkEdit('{"UserID": "1003"}', 'plain', USERS, null).ok).toBe(true);
    const broken = checkEdit('{\n  "UserID": "1001",\n  "Name": "Ann"\n  "Age": 3\n}', 'plain', USERS, ann);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect([broken.error.line, broken.error.column]).toEqual([4, 3]);
  });

  it('compares numeric keys by value, so 7.0 is the same key as 7', () => {
    const loaded: DynamoItem = { pk: { S: 'a' }, n: { N: '7' } };
    expect(checkEdit('{"pk": "a", "n": 7.0, "x": 1}', 'plain', ORDERS, loaded).ok).toBe(true);
  });
});

describe('labels', () => {
  it('titles the drawer by what it does', () => {
    expect(editorTitle({ kind: 'edit', item: ann }, ['UserID'])).toBe('Edit UserID=1001');
    expect(editorTitle({ kind: 'new' }, ['UserID'])).toBe('New item');
    expect(editorTitle({ kind: 'new', template: ann }, ['UserID'])).toBe('Duplicate UserID=1001');
    expect(editorTitle({ kind: 'delete', keys: [ann, ann] }, ['UserID'])).toBe('Delete 2 items');
  });

  it('shows values as compact plain JSON, strings quoted apart from numbers', () => {
    expect(valueText({ S: '1' })).toBe('"1"');
    expect(valueText({ N: '12345678901234567890123456789012345678' })).toBe(
      '12345678901234567890123456789012345678',
    );
    expect(valueText({ SS: ['a'] })).toBe('{"$set":["a"]}');
    expect(valueText(undefined)).toBe('');
  });

  it('keeps drafts apart per item, table and scope', () => {
    const a = draftKey('lab|us-east-1', 'Users', { kind: 'edit', item: ann }, ['UserID']);
    const b = draftKey('lab|us-east-1', 'Users', { kind: 'edit', item: { UserID: { S: '1002' } } }, [
      'UserID',
    ]);
    const c = draftKey('lab|eu-west-1', 'Users', { kind: 'edit', item: ann }, ['UserID']);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(draftKey('s', 'Users', { kind: 'edit', item: { ...ann, Name: { S: 'x' } } }, ['UserID'])).toBe(
      draftKey('s', 'Users', { kind: 'edit', item: ann }, ['UserID']),
    );
  });
});

describe('staged change summaries', () => {
  const stage = (entries: StagedEntry[], change: Parameters<typeof stageChange>[1]): StagedEntry[] => {
    const r = stageChange(entries, change, ['UserID']);
    if (!r.ok) throw new Error(r.reason);
    return r.entries;
  };

  it('says whether a change creates, updates or deletes, and how much it changes', () => {
    let entries = stage([], {
      kind: 'put',
      table: 'Users',
      item: { ...ann, Name: { S: 'Anna' }, Age: { N: '3' } },
      expected: ann,
      keyNames: ['UserID'],
    });
    entries = stage(entries, {
      kind: 'put',
      table: 'Users',
      item: { UserID: { S: '2000' } },
      expected: null,
      keyNames: ['UserID'],
    });
    entries = stage(entries, { kind: 'delete', table: 'Users', key: { UserID: { S: '1002' } } });
    expect(entries.map((e) => [stagedKind(e), stagedSummary(e)])).toEqual([
      ['update', '2 attributes changed'],
      ['create', 'new item, 1 attribute'],
      ['delete', 'removes the item'],
    ]);
  });
});
