import { describe, expect, it } from 'vitest';
import { parseExplainJson } from '../../src/main/mysql/explain-parse';
import { parseExplainTable, parseExplainTree } from '../../src/main/mysql/explain-text';
import type { ExplainNode } from '../../src/shared/models/explain';

const ANALYZE = {
  query_block: {
    select_id: 1,
    r_loops: 1,
    r_total_time_ms: 2.5,
    nested_loop: [
      {
        table: {
          table_name: 'p',
          access_type: 'range',
          rows: 99,
          r_rows: 99,
          r_table_time_ms: 0.5,
          r_other_time_ms: 0.1,
        },
      },
      {
        table: {
          table_name: 'o',
          access_type: 'ref',
          key: 'k',
          rows: 10,
          r_rows: 10,
          r_table_time_ms: 1.2,
          r_other_time_ms: 0,
        },
      },
    ],
  },
};

const outline = (n: ExplainNode, depth = 0): string[] => [
  `${'  '.repeat(depth)}${n.operation}${n.table ? ` ${n.table}` : ''}`,
  ...n.children.flatMap((c) => outline(c, depth + 1)),
];

describe('EXPLAIN FORMAT=JSON', () => {
  it('reads a MySQL 8 plan with costs, a sort and a nested loop', () => {
    const mysql8 = {
      query_block: {
        select_id: 1,
        cost_info: { query_cost: '1445.25' },
        ordering_operation: {
          using_filesort: true,
          nested_loop: [
            {
              table: {
                table_name: 'u',
                access_type: 'ALL',
                rows_examined_per_scan: 1000,
                filtered: '100.00',
                cost_info: { read_cost: '2.25', eval_cost: '100.00', prefix_cost: '102.25' },
              },
            },
            {
              table: {
                table_name: 'o',
                access_type: 'ref',
                possible_keys: ['by_user'],
                key: 'by_user',
                rows_examined_per_scan: 5,
                filtered: '10.00',
                cost_info: { read_cost: '843.00', eval_cost: '500.00', prefix_cost: '1445.25' },
                attached_condition: '(`o`.`total` > 10)',
              },
            },
          ],
        },
      },
    };
    const root = parseExplainJson(mysql8);
    expect(outline(root)).toEqual([
      'Query block #1',
      '  Order by',
      '    Nested loop',
      '      Full table scan u',
      '      Index lookup o',
    ]);
    expect(root.cost).toBe(1445.25);
    const o = root.children[0]!.children[0]!.children[1]!;
    expect(o).toMatchObject({
      key: 'by_user',
      rows: 5,
      filtered: 10,
      cost: 1343,
      condition: '(`o`.`total` > 10)',
    });
    expect(root.children[0]!.extra).toEqual(['Using filesort']);
  });

  it("reads MariaDB ANALYZE: real rows, and a step's time from its table and other times", () => {
    const root = parseExplainJson(ANALYZE);
    expect(root.rTotalTimeMs).toBe(2.5);
    expect(root.children[0]!.children.map((n) => [n.table, n.rRows, n.rTotalTimeMs])).toEqual([
      ['p', 99, 0.6],
      ['o', 10, 1.2],
    ]);
  });
});

describe('plans without JSON', () => {
  it('reads the tabular EXPLAIN', () => {
    const root = parseExplainTable([
      {
        id: 1,
        select_type: 'SIMPLE',
        table: 'u',
        type: 'ALL',
        possible_keys: null,
        key: null,
        rows: '1000',
        Extra: 'Using where; Using filesort',
      },
    ]);
    expect(root.children[0]).toMatchObject({
      table: 'u',
      accessType: 'ALL',
      rows: 1000,
      extra: ['Using where', 'Using filesort'],
    });
  });

  it("reads MySQL's EXPLAIN ANALYZE tree", () => {
    const text = [
      '-> Nested loop inner join  (cost=4.5 rows=10) (actual time=0.1..0.4 rows=12 loops=1)',
      '    -> Table scan on u  (cost=1.25 rows=10) (actual time=0.05..0.1 rows=10 loops=1)',
      '    -> Index lookup on o using by_user (user_id=u.id)  (cost=0.3 rows=1) (actual time=0.01..0.02 rows=1 loops=10)',
    ].join('\n');
    const root = parseExplainTree(text);
    expect(outline(root)).toEqual([
      'Query',
      '  Nested loop inner join',
      '    Table scan on u u',
      '    Index lookup on o using by_user o',
    ]);
    expect(root.children[0]!.children[1]).toMatchObject({
      rRows: 1,
      rLoops: 10,
      rTotalTimeMs: 0.2,
      cost: 0.3,
    });
  });
});
