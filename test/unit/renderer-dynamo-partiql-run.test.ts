import { describe, expect, it } from 'vitest';
import {
  batchItems,
  batchOutcomes,
  batchSummary,
} from '../../src/renderer/src/features/dynamo/partiql/batch-outcomes';
import { partiqlTargets, planRun } from '../../src/renderer/src/features/dynamo/partiql/run-plan';
import { splitPartiql } from '../../src/renderer/src/features/dynamo/partiql/split-statements';

const TEXT = `SELECT * FROM "Users";\nUPDATE "Users" SET a = 1 WHERE id = 1;\n\n`;
const at = (cursor: number) => ({ selectionStart: cursor, selectionEnd: cursor, cursor });

describe('what Run sends from the PartiQL editor', () => {
  it('runs the statement under the cursor, with its offsets in the whole text', () => {
    const cursor = TEXT.indexOf('SET');
    const [target] = partiqlTargets(TEXT, at(cursor));
    expect(target?.text).toBe('UPDATE "Users" SET a = 1 WHERE id = 1');
    expect(TEXT.slice(target!.start, target!.end)).toBe(target!.text);
  });

  it('takes the statement just written when the cursor is after its semicolon or below it', () => {
    expect(partiqlTargets(TEXT, at(TEXT.indexOf(';') + 1))[0]?.text).toBe('SELECT * FROM "Users"');
    expect(partiqlTargets(TEXT, at(TEXT.length))[0]?.text).toContain('UPDATE');
    expect(partiqlTargets('\n\n  SELECT 1', at(0))[0]?.text).toBe('SELECT 1');
    expect(partiqlTargets('  \n', at(1))).toEqual([]);
  });

  it('runs every statement of a selection, offsets counted from the start of the text', () => {
    const targets = partiqlTargets(TEXT, {
      selectionStart: 0,
      selectionEnd: TEXT.length,
      cursor: TEXT.length,
    });
    expect(targets.map((t) => t.text)).toHaveLength(2);
    for (const t of targets) expect(TEXT.slice(t.start, t.end)).toBe(t.text);
    const second = TEXT.indexOf('UPDATE');
    const part = partiqlTargets(TEXT, {
      selectionStart: second,
      selectionEnd: second + 6,
      cursor: second + 6,
    });
    expect(part).toEqual([{ text: 'UPDATE', start: second, end: second + 6 }]);
  });

  it('runs one statement alone and several as a batch of one kind', () => {
    const one = splitPartiql('SELECT * FROM "Users"');
    expect(planRun(one)).toEqual({ kind: 'single', statement: one[0] });
    const writes = splitPartiql(`INSERT INTO "T" VALUE {'id': 1}; DELETE FROM "T" WHERE id = 2`);
    expect(planRun(writes)).toEqual({ kind: 'batch', statements: writes });
  });

  it('refuses, before sending, nothing at all, a mix of reads and writes, and more than 25 statements', () => {
    expect(planRun([])).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('Nothing to run'),
    });
    const mixed = planRun(splitPartiql(`SELECT * FROM "T" WHERE id = 1; DELETE FROM "T" WHERE id = 2`));
    expect(mixed).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('1 SELECT and 1 other'),
    });
    const many = splitPartiql(
      Array.from({ length: 26 }, (_, i) => `SELECT * FROM "T" WHERE id = ${i}`).join(';'),
    );
    expect(planRun(many)).toMatchObject({ kind: 'refused', message: expect.stringContaining('at most 25') });
  });
});

describe('a batch answer beside its statements', () => {
  const statements = splitPartiql(
    `SELECT * FROM "T" WHERE id = 1; SELECT * FROM "T"; SELECT * FROM "T" WHERE id = 3`,
  );

  it('pairs each statement with its item or its error, in order', () => {
    const outcomes = batchOutcomes(statements, {
      results: [
        { item: { id: { N: '1' } } },
        { error: { code: 'ValidationError', message: 'Only single item select is supported' } },
        {},
      ],
      consumed: { readUnits: 1, writeUnits: 0 },
    });
    expect(outcomes.map((o) => o.state)).toEqual(['ok', 'failed', 'ok']);
    expect(outcomes[1]?.error?.message).toBe('Only single item select is supported');
    expect(outcomes[1]?.statement.text).toBe('SELECT * FROM "T"');
    expect(batchItems(outcomes)).toEqual([{ id: { N: '1' } }]);
    expect(batchSummary(outcomes)).toBe('3 statements: 2 succeeded, 1 failed');
  });

  it('marks a statement DynamoDB did not answer as failed', () => {
    const outcomes = batchOutcomes(statements, { results: [{}], consumed: { readUnits: 0, writeUnits: 0 } });
    expect(outcomes.map((o) => o.state)).toEqual(['ok', 'failed', 'failed']);
    expect(batchSummary(outcomes)).toBe('3 statements: 1 succeeded, 2 failed');
    expect(batchSummary(outcomes.slice(0, 1))).toBe('1 statement: all succeeded');
    expect(batchSummary(outcomes.slice(1))).toBe('2 statements: all failed');
  });
});
