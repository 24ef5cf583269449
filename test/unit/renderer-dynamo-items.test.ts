import { describe, expect, it } from 'vitest';
import type { DynamoItem } from '../../src/shared/models/dynamo';
import { countChanges, diffItems, valuesEqual } from '../../src/renderer/src/features/dynamo/items/item-diff';
import { checkItemText, switchMode } from '../../src/renderer/src/features/dynamo/items/item-text';
import { conflictOf, conflictView } from '../../src/renderer/src/features/dynamo/items/conflict-model';
import {
  applyReasons,
  MAX_STAGED,
  stageChange,
  toTransaction,
  type StagedEntry,
} from '../../src/renderer/src/features/dynamo/items/staging-list';

const TABLE = {
  partitionKey: { name: 'id', type: 'N' as const },
  attributes: [
    { name: 'id', type: 'N' as const },
    { name: 'email', type: 'S' as const },
  ],
};
const user = (id: string, extra: DynamoItem = {}): DynamoItem => ({
  id: { N: id },
  name: { S: 'Ann' },
  ...extra,
});

describe('image diff', () => {
  it('lists added, removed and changed attributes, keys first, and sees equal numbers and sets as equal', () => {
    const before: DynamoItem = {
      id: { N: '1' },
      age: { N: '1.50' },
      tags: { SS: ['a', 'b'] },
      old: { S: 'x' },
    };
    const after: DynamoItem = {
      id: { N: '1' },
      age: { N: '1.5' },
      tags: { SS: ['b', 'a'] },
      city: { S: 'Oslo' },
    };
    const diff = diffItems(before, after, ['id']);
    expect(diff.map((d) => [d.name, d.change])).toEqual([
      ['id', 'same'],
      ['age', 'same'],
      ['city', 'added'],
      ['old', 'removed'],
      ['tags', 'same'],
    ]);
    expect(countChanges(diff)).toBe(2);
  });

  it('tells apart numbers with 38 digits that differ only in the last digit, and nested map changes', () => {
    expect(
      valuesEqual(
        { N: '12345678901234567890123456789012345678' },
        { N: '12345678901234567890123456789012345679' },
      ),
    ).toBe(false);
    expect(valuesEqual({ N: '1e2' }, { N: '100' })).toBe(true);
    expect(valuesEqual({ M: { a: { L: [{ N: '1' }] } } }, { M: { a: { L: [{ N: '2' }] } } })).toBe(false);
    expect(diffItems(undefined, user('1')).every((d) => d.change === 'added')).toBe(true);
  });
});

describe('item text checks', () => {
  it('marks malformed JSON at its line and column', () => {
    const result = checkItemText('{\n  "id": 1,\n  "name": "Ann"\n  "x": 2\n}', 'plain', TABLE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.line, result.error.column]).toEqual([4, 3]);
  });

  it('refuses a missing key or a key of the wrong type, pointing at the attribute', () => {
    const missing = checkItemText('{"name": "Ann"}', 'plain', TABLE);
    expect(!missing.ok && missing.error.message).toMatch(/"id" is missing/);
    const wrong = checkItemText('{\n  "name": "Ann",\n  "id": "1001"\n}', 'plain', TABLE);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error.message).toMatch(/"id" must be a number/);
      expect(wrong.error.line).toBe(3);
    }
    const index = checkItemText('{"id": 1, "email": 5}', 'plain', TABLE);
    expect(!index.ok && index.error.message).toMatch(/index key "email" must be a string/);
  });

  it('switches plain JSON to DynamoDB JSON and back without losing digits, sets or binary', () => {
    const plain =
      '{"id": 12345678901234567890123456789012345678, "tags": {"$set": ["a"]}, "b": {"$binary": "AQI="}}';
    const dynamo = switchMode(plain, 'plain', 'dynamo');
    expect(JSON.parse(dynamo.text)).toEqual({
      id: { N: '12345678901234567890123456789012345678' },
      tags: { SS: ['a'] },
      b: { B: 'AQI=' },
    });
    const back = checkItemText(switchMode(dynamo.text, 'dynamo', 'plain').text, 'plain', TABLE);
    expect(back.ok && back.item.id).toEqual({ N: '12345678901234567890123456789012345678' });
    expect(switchMode('{oops', 'plain', 'dynamo')).toMatchObject({ text: '{oops', error: { line: 1 } });
  });
});

describe('staging list', () => {
  const put = (id: string, expected: DynamoItem | null = null) => ({
    kind: 'put' as const,
    table: 'Users',
    item: user(id),
    expected,
    keyNames: ['id'],
  });

  it('keeps one change per item, replacing it in place with the first change’s expected item', () => {
    let entries: StagedEntry[] = [];
    const first = stageChange(entries, put('1', user('1')), ['id']);
    expect(first.ok).toBe(true);
    entries = first.ok ? first.entries : [];
    const second = stageChange(entries, put('2'), ['id']);
    entries = second.ok ? second.entries : [];
    const again = stageChange(
      entries,
      { ...put('1', user('1', { name: { S: 'changed' } })), item: user('1', { x: { S: 'y' } }) },
      ['id'],
    );
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.entries).toHaveLength(2);
    expect(again.entries[0]?.label).toBe('id=1');
    const change = again.entries[0]?.change;
    expect(change?.kind === 'put' && change.expected).toEqual(user('1'));
    expect(change?.kind === 'put' && change.item.x).toEqual({ S: 'y' });
    expect(toTransaction(again.entries).map((c) => c.kind)).toEqual(['put', 'put']);
  });

  it(`refuses a change past ${MAX_STAGED} and marks failed entries with their reasons`, () => {
    let entries: StagedEntry[] = [];
    for (let i = 0; i < MAX_STAGED; i++) {
      const r = stageChange(entries, put(String(i)), ['id']);
      entries = r.ok ? r.entries : entries;
    }
    const full = stageChange(entries, put('x1'), ['id']);
    expect(full.ok).toBe(false);
    const marked = applyReasons(entries.slice(0, 3), [
      { index: 1, code: 'ConditionalCheckFailed', current: user('1') },
      { index: 2, code: 'None' },
    ]);
    expect(marked.map((e) => e.failure?.code)).toEqual([undefined, 'ConditionalCheckFailed', undefined]);
    expect(applyReasons(marked, []).every((e) => e.failure === undefined)).toBe(true);
  });
});

describe('conflict view', () => {
  it('shows theirs beside mine and names the attributes both sides changed', () => {
    const loaded = user('1', { age: { N: '30' }, city: { S: 'Oslo' } });
    const theirs = user('1', { age: { N: '31' }, city: { S: 'Oslo' } });
    const mine = user('1', { age: { N: '40' }, city: { S: 'Bergen' } });
    const error = {
      code: 'CONFLICT',
      details: { awsCode: 'ConditionalCheckFailedException', current: theirs },
    };
    const conflict = conflictOf(error);
    expect(conflict).toEqual({ current: theirs });
    const view = conflictView(loaded, mine, conflict!, ['id']);
    expect(view.theirsDeleted).toBe(false);
    expect(view.clashes).toEqual(['age']);
    expect(view.rows.find((r) => r.name === 'city')).toMatchObject({
      change: 'changed',
      changedByMe: true,
      changedByThem: false,
    });
    expect(view.overwriteExpected).toEqual(theirs);
  });

  it('says when the item was deleted behind the editor’s back, and ignores other errors', () => {
    expect(conflictOf({ code: 'CONFLICT', details: { current: null } })).toEqual({ current: null });
    expect(conflictOf({ code: 'THROTTLED', details: { current: null } })).toBeUndefined();
    const view = conflictView(user('1'), user('1'), { current: null }, ['id']);
    expect(view.theirsDeleted).toBe(true);
    expect(view.overwriteExpected).toBeNull();
  });
});
