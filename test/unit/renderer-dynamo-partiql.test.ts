import { describe, expect, it } from 'vitest';
import { isSelect, splitPartiql } from '../../src/renderer/src/features/dynamo/partiql/split-statements';

describe('PartiQL statement splitting', () => {
  it('splits at semicolons, keeping offsets of each trimmed statement', () => {
    const text = `SELECT * FROM "Users";\n  UPDATE "Users" SET a = 1 WHERE id = 1 ;\n;\n`;
    const parts = splitPartiql(text);
    expect(parts.map((p) => p.text)).toEqual([
      'SELECT * FROM "Users"',
      'UPDATE "Users" SET a = 1 WHERE id = 1',
    ]);
    for (const p of parts) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('does not split inside strings, quoted names or comments', () => {
    const text = `INSERT INTO "a;b" VALUE {'id': 'x;y', 'n': 'it''s;'}; -- done; really\nSELECT * FROM "t" /* ; */`;
    expect(splitPartiql(text).map((p) => p.text)).toEqual([
      `INSERT INTO "a;b" VALUE {'id': 'x;y', 'n': 'it''s;'}`,
      `-- done; really\nSELECT * FROM "t" /* ; */`,
    ]);
    expect(splitPartiql('-- only a comment;\n  ')).toEqual([]);
  });

  it('tells reads from writes', () => {
    expect(isSelect('  -- c\n select * from "Users"')).toBe(true);
    expect(isSelect('DELETE FROM "Users" WHERE id = 1')).toBe(false);
  });
});
