import { describe, expect, it } from 'vitest';
import type { Cell, ColumnMeta } from '../../src/shared/models/sql';
import { formatRows, sqlLiteral } from '../../src/renderer/src/features/results/copy-rows';
import { hexDump, prettyJson } from '../../src/renderer/src/features/results/cell-viewer-format';
import { RowWindowCache } from '../../src/renderer/src/features/results/row-window-cache';
import { isSelected, selectedCount, selectRow } from '../../src/renderer/src/components/selection';

/** A fake main process: rows numbered 0..total-1, with every request remembered. */
function fakeStore(total: number) {
  const calls: [number, number][] = [];
  const fetch = async (offset: number, limit: number) => {
    calls.push([offset, limit]);
    const end = Math.min(total, offset + limit);
    return {
      rows: Array.from({ length: Math.max(0, end - offset) }, (_, i) => [offset + i] as Cell[]),
      total,
    };
  };
  return { calls, fetch };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RowWindowCache', () => {
  it('fetches only the windows a range needs, once, and serves rows from them', async () => {
    const store = fakeStore(1_000_000);
    const cache = new RowWindowCache(store.fetch, { windowSize: 100, maxWindows: 4 });
    cache.grow(1_000_000);
    cache.ensure(999_950, 1_000_000);
    cache.ensure(999_950, 1_000_000);
    await settle();
    expect(store.calls).toEqual([[999_900, 100]]);
    expect(cache.row(999_999)).toEqual([999_999]);
    expect(cache.row(0)).toBeUndefined();
  });

  it('keeps a bounded number of windows, dropping the least recently used', async () => {
    const store = fakeStore(10_000);
    const cache = new RowWindowCache(store.fetch, { windowSize: 100, maxWindows: 3 });
    cache.grow(10_000);
    for (const start of [0, 100, 200]) cache.ensure(start, start + 100);
    await settle();
    cache.row(0); // window 0 used again: window 1 is now the oldest
    cache.ensure(5_000, 5_100);
    await settle();
    expect(cache.cachedWindows).toBe(3);
    expect(cache.row(150)).toBeUndefined();
    expect(cache.row(50)).toEqual([50]);
    expect(cache.row(5_050)).toEqual([5_050]);
  });

  it('reads a short last window again once more rows have arrived', async () => {
    let total = 150;
    const calls: number[] = [];
    const cache = new RowWindowCache(
      async (offset, limit) => {
        calls.push(offset);
        const end = Math.min(total, offset + limit);
        return { rows: Array.from({ length: end - offset }, (_, i) => [offset + i] as Cell[]), total };
      },
      { windowSize: 100 },
    );
    cache.grow(150);
    cache.ensure(100, 150);
    await settle();
    expect(cache.row(160)).toBeUndefined();
    total = 300;
    cache.grow(300);
    cache.ensure(100, 200);
    await settle();
    expect(calls).toEqual([100, 100]);
    expect(cache.row(160)).toEqual([160]);
  });

  it('learns the size of a filtered view from its first answer and tells listeners', async () => {
    const store = fakeStore(42);
    const cache = new RowWindowCache(store.fetch, { windowSize: 100 });
    let heard = 0;
    cache.subscribe(() => heard++);
    cache.ensureFirst();
    await settle();
    expect(cache.total).toBe(42);
    expect(heard).toBe(1);
    expect(cache.getVersion()).toBe(1);
  });
});

const col = (name: string, type: string, extra: Partial<ColumnMeta> = {}): ColumnMeta => ({
  name,
  type,
  ...extra,
});

describe('copying rows', () => {
  const columns = [
    col('id', 'BIGINT', { table: 'orders', database: 'shop', orgName: 'id' }),
    col('note', 'VARCHAR', { table: 'orders', database: 'shop', orgName: 'note' }),
    col('raw', 'VARBINARY', { table: 'orders', database: 'shop', orgName: 'raw' }),
    col('doc', 'JSON', { table: 'orders', database: 'shop', orgName: 'doc' }),
  ];
  const rows: Cell[][] = [
    ['9007199254740993', "it's\ta\nline", { $binary: 'AP8=' }, '{"a":1}'],
    ['2', '', null, null],
  ];

  it('as TSV: a header, NULL apart from the empty string, tabs and newlines escaped', () => {
    expect(formatRows('tsv', columns, rows)).toBe(
      ['id\tnote\traw\tdoc', '9007199254740993\tit\'s\\ta\\nline\t0x00ff\t{"a":1}', '2\t\tNULL\tNULL'].join(
        '\n',
      ),
    );
  });

  it('as JSON: objects keyed by column, BIGINT kept exact, JSON columns as JSON', () => {
    expect(JSON.parse(formatRows('json', columns, rows))).toEqual([
      { id: '9007199254740993', note: "it's\ta\nline", raw: '0x00ff', doc: { a: 1 } },
      { id: '2', note: '', raw: null, doc: null },
    ]);
  });

  it('as INSERT statements into the source table, values quoted for MySQL', () => {
    expect(formatRows('insert', columns, rows).split('\n')).toEqual([
      "INSERT INTO `shop`.`orders` (`id`, `note`, `raw`, `doc`) VALUES (9007199254740993, 'it''s\ta\\nline', X'00ff', '{\"a\":1}');",
      "INSERT INTO `shop`.`orders` (`id`, `note`, `raw`, `doc`) VALUES (2, '', NULL, NULL);",
    ]);
    expect(sqlLiteral('back\\slash', col('x', 'TEXT'))).toBe("'back\\\\slash'");
    expect(sqlLiteral('12abc', col('x', 'INT'))).toBe("'12abc'");
    expect(formatRows('insert', [col('n', 'INT')], [[1]])).toBe('INSERT INTO `table_name` (`n`) VALUES (1);');
  });
});

describe('row selection', () => {
  it('selects one row, extends with shift, toggles with ctrl, and counts ranges', () => {
    let sel = selectRow([], null, 5, 'single');
    expect(sel).toEqual([[5, 5]]);
    sel = selectRow(sel, 5, 2, 'range');
    expect(sel).toEqual([[2, 5]]);
    sel = selectRow(sel, 2, 9, 'toggle');
    expect(sel).toEqual([
      [2, 5],
      [9, 9],
    ]);
    sel = selectRow(sel, 9, 3, 'toggle');
    expect(sel).toEqual([
      [2, 2],
      [4, 5],
      [9, 9],
    ]);
    expect(selectedCount(sel)).toBe(4);
    expect(isSelected(sel, 3)).toBe(false);
    expect(isSelected(sel, 4)).toBe(true);
    expect(selectedCount([[0, 999_999]])).toBe(1_000_000);
  });
});

describe('cell viewer formatting', () => {
  it('pretty-prints JSON and dumps binary as hex with offsets and text', () => {
    expect(prettyJson('{"a":[1,2]}', col('doc', 'JSON'))).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(prettyJson('not json', col('doc', 'TEXT'))).toBeUndefined();
    expect(prettyJson('{broken', col('doc', 'TEXT'))).toBeUndefined();
    expect(hexDump(btoa('Hi\u0000'))).toBe(`00000000  48 69 00${' '.repeat(39)}  Hi.`);
  });
});
