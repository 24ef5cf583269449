import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../src/shared/sql/split-statements';
import { runTargets, statementTitle } from '../../src/renderer/src/features/sql/run-target';
import { consentReason, riskyStatements } from '../../src/renderer/src/features/sql/safety-decision';

const place = (cursor: number, selectionStart = cursor, selectionEnd = cursor) => ({
  cursor,
  selectionStart,
  selectionEnd,
});

describe('runTargets', () => {
  const text = 'SELECT 1;\nSELECT 2;\nSELECT 3;';

  it('runs the statement at the cursor, or every statement for the script', () => {
    expect(runTargets(text, place(text.indexOf('2')), 'current').map((s) => s.text)).toEqual(['SELECT 2']);
    expect(runTargets(text, place(0), 'script').map((s) => s.text)).toEqual([
      'SELECT 1',
      'SELECT 2',
      'SELECT 3',
    ]);
  });

  it('runs the selection, split into its statements, with offsets into the whole text', () => {
    const from = text.indexOf('SELECT 2');
    const targets = runTargets(text, place(from, from, text.length), 'current');
    expect(targets.map((s) => s.text)).toEqual(['SELECT 2', 'SELECT 3']);
    expect(targets.map((s) => [s.start, s.line, s.column])).toEqual([
      [from, 2, 1],
      [text.indexOf('SELECT 3'), 3, 1],
    ]);
    // Part of a statement runs as the user selected it.
    expect(runTargets(text, place(0, 0, 6), 'current').map((s) => s.text)).toEqual(['SELECT']);
  });

  it('runs nothing in an empty editor', () => {
    expect(runTargets('  \n', place(1), 'current')).toEqual([]);
  });
});

describe('statementTitle', () => {
  it('puts the statement on one line and cuts it to the tab width', () => {
    expect(statementTitle('SELECT *\n  FROM users')).toBe('SELECT * FROM users');
    expect(statementTitle('SELECT id, name, email FROM users WHERE id = 1')).toBe(
      'SELECT id, name, email FROM…',
    );
  });
});

describe('riskyStatements', () => {
  it('asks for DROP, TRUNCATE, ALTER, and UPDATE or DELETE without WHERE, saying why', () => {
    const script = [
      'SELECT * FROM t',
      'DROP TABLE t',
      'TRUNCATE t',
      'ALTER TABLE t ADD c INT',
      'UPDATE t SET a = 1',
      'DELETE FROM t',
      'UPDATE t SET a = 1 WHERE id = 2',
      'DELETE FROM t WHERE id = 2',
      'INSERT INTO t VALUES (1)',
    ].join(';\n');
    const risky = riskyStatements(splitStatements(script));
    expect(risky.map((r) => [r.index, r.verb])).toEqual([
      [1, 'DROP TABLE'],
      [2, 'TRUNCATE'],
      [3, 'ALTER TABLE'],
      [4, 'UPDATE'],
      [5, 'DELETE'],
    ]);
    expect(risky.find((r) => r.verb === 'DELETE')?.reason).toMatch(/without WHERE/);
    for (const r of risky) expect(r.reason).not.toBe('');
  });

  it('is not fooled by a WHERE in a subquery, a string or a comment', () => {
    const risky = riskyStatements(
      splitStatements(
        "DELETE FROM t -- WHERE id = 1\n;UPDATE t SET note = 'WHERE' ;DELETE FROM t WHERE id IN (SELECT id FROM u WHERE x)",
      ),
    );
    expect(risky.map((r) => r.index)).toEqual([0, 1]);
  });

  it('asks before a DELETE behind SET STATEMENT or comments, as the main process classifies it', () => {
    const script =
      'SET STATEMENT max_statement_time=0 FOR DELETE FROM t;\nDELETE/**/FROM t # WHERE 1\n;\n/*!DELETE FROM t*/';
    const risky = riskyStatements(splitStatements(script));
    expect(risky.map((r) => [r.index, r.verb])).toEqual([
      [0, 'DELETE'],
      [1, 'DELETE'],
      [2, 'DELETE'],
    ]);
  });

  it('asks nothing of reads and guarded writes', () => {
    expect(riskyStatements(splitStatements('SELECT 1; SHOW TABLES; UPDATE t SET a=1 WHERE b=2'))).toEqual([]);
  });
});

describe('consentReason', () => {
  it('uses the classifier’s reason, or the server’s message when the classifier sees no risk', () => {
    expect(consentReason('DROP DATABASE d', 'x')).toMatchObject({
      verb: 'DROP DATABASE',
      reason: expect.stringMatching(/deletes/),
    });
    expect(consentReason('CALL wipe()', 'The server asks first.')).toMatchObject({
      reason: 'The server asks first.',
    });
  });
});
