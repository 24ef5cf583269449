import { describe, expect, it } from 'vitest';
import type { KeyElement } from '../../src/shared/models/dynamo';
import { checkImport } from '../../src/renderer/src/features/dynamo/transfer/import-check';
import { guessFormat } from '../../src/renderer/src/features/dynamo/transfer/transfer-formats';

const KEYS: KeyElement[] = [{ name: 'UserID', type: 'S' }];

describe('checkImport (what a file will write, before anything is sent)', () => {
  it('reads JSON lines with their line numbers, skipping blank lines and CRLF endings', () => {
    const text = '{"UserID": "1001", "Age": 30}\r\n\r\n{"UserID": "1002", "Tags": {"$set": ["a"]}}\r\n';
    const check = checkImport(text, 'jsonl', KEYS);
    expect(check).toMatchObject({ total: 2, malformedCount: 0, keyProblemCount: 0 });
    expect(check.preview).toEqual([
      { line: 1, item: { UserID: { S: '1001' }, Age: { N: '30' } } },
      { line: 3, item: { UserID: { S: '1002' }, Tags: { SS: ['a'] } } },
    ]);
  });

  it('names each malformed line with its reason and position within the line', () => {
    const text = ['{"UserID": "1"}', '{"UserID": "2", "Name": ', 'not json', '{"UserID": "4"}'].join('\n');
    const check = checkImport(text, 'jsonl', KEYS);
    expect(check.malformedCount).toBe(2);
    expect(check.malformed.map((m) => m.line)).toEqual([2, 3]);
    expect(check.malformed[0]?.reason).toMatch(/end of the text \(column \d+\)$/);
    expect(check.malformed[0]?.reason).not.toMatch(/line 1/);
  });

  it('tells items without a usable key apart from malformed lines', () => {
    const text = ['{"UserID": "1"}', '{"Name": "no key"}', '{"UserID": 42}', '{"UserID": ""}'].join('\n');
    const check = checkImport(text, 'jsonl', KEYS);
    expect(check.malformedCount).toBe(0);
    expect(check.keyProblems).toEqual([
      { line: 2, reason: 'The key attribute UserID is missing' },
      { line: 3, reason: 'The key attribute UserID must be of type S' },
      { line: 4, reason: 'The key attribute UserID is empty' },
    ]);
    expect(check.preview.map((p) => p.problem)).toEqual([
      undefined,
      'The key attribute UserID is missing',
      'The key attribute UserID must be of type S',
      'The key attribute UserID is empty',
    ]);
  });

  it('reads DynamoDB JSON bare or wrapped as the S3 export writes it, and refuses untyped values', () => {
    const text = [
      '{"Item": {"UserID": {"S": "1"}, "N": {"N": "1.50"}}}',
      '{"UserID": {"S": "2"}, "B": {"BOOL": true}}',
      '{"UserID": "3"}',
    ].join('\n');
    const check = checkImport(text, 'dynamodb-json', KEYS);
    expect(check.preview.map((p) => p.item)).toEqual([
      { UserID: { S: '1' }, N: { N: '1.50' } },
      { UserID: { S: '2' }, B: { BOOL: true } },
    ]);
    expect(check.malformed).toEqual([{ line: 3, reason: expect.stringMatching(/^UserID/) }]);
  });

  it('explains a pretty-printed JSON document instead of listing every line', () => {
    const check = checkImport('[\n  {"UserID": "1"}\n]\n', 'jsonl', KEYS);
    expect(check.malformedCount).toBe(2);
    expect(check.hint).toMatch(/one JSON document over several lines/);
  });

  it('reads CSV with typed headers, untyped key columns taking the key type', () => {
    const keys: KeyElement[] = [{ name: 'id', type: 'N' }];
    const text = 'id,Name,Active:BOOL,Tags:JSON\n7,Ann,true,"{""$set"":[""a""]}"\n8,,false,\n';
    const check = checkImport(text, 'csv', keys);
    expect(check.total).toBe(2);
    expect(check.preview).toEqual([
      { line: 1, item: { id: { N: '7' }, Name: { S: 'Ann' }, Active: { BOOL: true }, Tags: { SS: ['a'] } } },
      { line: 2, item: { id: { N: '8' }, Active: { BOOL: false } } },
    ]);
  });

  it('finds malformed CSV rows: bad booleans, non-numbers, extra cells, an unclosed quote', () => {
    const keys: KeyElement[] = [{ name: 'id', type: 'N' }];
    const rows = checkImport('id,ok:BOOL\n1,yes\nabc,true\n3,true,extra\n', 'csv', keys);
    expect(rows.malformed).toEqual([
      { line: 1, reason: '"yes" is not true or false' },
      { line: 2, reason: '"abc" is not a number' },
      { line: 3, reason: 'Column 3 has no header' },
    ]);
    const broken = checkImport('id,name\n1,"open\n', 'csv', keys);
    expect(broken.malformedCount).toBe(1);
    expect(broken.malformed[0]?.reason).toMatch(/^Not valid CSV/);
  });
});

describe('guessFormat', () => {
  it('goes by extension, and tells DynamoDB JSON from plain JSON by the first line', () => {
    expect(guessFormat('users.csv', 'id,name')).toBe('csv');
    expect(guessFormat('users.jsonl', '{"Item": {}}')).toBe('jsonl');
    expect(guessFormat('export.json', '{"Item": {"id": {"S": "1"}}}')).toBe('dynamodb-json');
    expect(guessFormat('export.json', '{"id": {"N": "1"}, "x": 1}')).toBe('dynamodb-json');
    expect(guessFormat('export.json', '{"id": 1, "x": {"S": "not a tag first"}}')).toBe('jsonl');
  });
});
