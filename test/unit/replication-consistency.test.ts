import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyCompare, rangePredicate, rangesFromBounds } from '../../src/main/replication/key-range';
import { diffRows } from '../../src/main/replication/row-diff';
import { sqlLiteral } from '../../src/main/replication/sql-literal';
import { checksumSql } from '../../src/main/replication/table-checksum';

/** Evaluates a generated predicate against one row of integer key columns `k0`, `k1`, ... */
function evaluate(sql: string, row: number[]): boolean {
  const js = sql
    .replace(/`k(\d+)`/g, (_, i: string) => String(row[Number(i)]))
    .replace(/ = /g, ' === ')
    .replace(/ AND /g, ' && ')
    .replace(/ OR /g, ' || ');
  return new Function(`return ${js};`)() as boolean;
}

function lexCompare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  }
  return 0;
}

describe('key range predicates', () => {
  const tuples = (n: number) => fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n });

  it('select exactly the keys after the lower bound and up to the upper bound, for 1 to 3 key columns', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(tuples(n), tuples(n))),
        ([row, bound]) => {
          const columns = row.map((_, i) => `k${i}`);
          expect(evaluate(keyCompare(columns, '>', bound), row)).toBe(lexCompare(row, bound) > 0);
          expect(evaluate(keyCompare(columns, '<=', bound), row)).toBe(lexCompare(row, bound) <= 0);
        },
      ),
    );
  });

  it('cover the whole key space with chunks open at both ends', () => {
    expect(rangesFromBounds([[10], [20]])).toEqual([
      { lower: null, upper: [10] },
      { lower: [10], upper: [20] },
      { lower: [20], upper: null },
    ]);
    expect(rangesFromBounds([])).toEqual([{ lower: null, upper: null }]);
  });
});

describe('key values in range predicates', () => {
  it('are written so that no sql_mode reads a quote or backslash of theirs as syntax', () => {
    fc.assert(
      fc.property(fc.string(), (key) => {
        expect(sqlLiteral(key)).toMatch(/^_utf8mb4 X'([0-9a-f]{2})*'$/);
        expect(Buffer.from(sqlLiteral(key).slice(11, -1), 'hex').toString('utf8')).toBe(key);
      }),
    );
    expect(sqlLiteral(Buffer.from("\\'"))).toBe("X'5c27'");
    expect(sqlLiteral(42)).toBe('42');
    expect(rangePredicate(['id'], { lower: ["it's\\"], upper: null })).toBe("`id` > _utf8mb4 X'697427735c'");
  });
});

describe('chunk checksum', () => {
  it('hashes every column with a NULL bitmap so NULL and an empty string differ', () => {
    const sql = checksumSql(
      { schema: 'db', table: 't' },
      {
        columns: [
          { name: 'id', dataType: 'int' },
          { name: 'name', dataType: 'varchar' },
        ],
        keyColumns: ['id'],
      },
      { lower: null, upper: null },
    );
    expect(sql).toContain(
      "CONCAT_WS('#', `id`, CONVERT(`name` USING utf8mb4), CONCAT(ISNULL(`id`), ISNULL(`name`)))",
    );
    expect(sql).toContain('FROM `db`.`t` WHERE 1 = 1');
  });
});

describe('row diff', () => {
  it('lists changed, missing and extra rows in key order with both sides', () => {
    const primary = [
      [1, 'a'],
      [2, 'b'],
      [4, 'd'],
      [5, null],
    ];
    const replica = [
      [1, 'a'],
      [3, 'c'],
      [4, 'D'],
      [5, null],
      [6, 'f'],
    ];
    expect(diffRows([0], primary, replica)).toEqual([
      { key: ['2'], primary: ['2', 'b'], replica: null },
      { key: ['3'], primary: null, replica: ['3', 'c'] },
      { key: ['4'], primary: ['4', 'd'], replica: ['4', 'D'] },
      { key: ['6'], primary: null, replica: ['6', 'f'] },
    ]);
  });

  it('tells NULL from the text "null" and shows binary cells as hex', () => {
    const diffs = diffRows([0], [[1, null, Buffer.from([0xff])]], [[1, 'null', Buffer.from([0xfe])]]);
    expect(diffs).toEqual([{ key: ['1'], primary: ['1', null, '0xff'], replica: ['1', 'null', '0xfe'] }]);
  });
});
