import { describe, expect, it } from 'vitest';
import type { SchemaObjects, TableDetail } from '../../src/shared/models/schema';
import { formatBytes, formatRowEstimate } from '../../src/renderer/src/features/schema/format-schema';
import { keys, treeRows, type TreeInput } from '../../src/renderer/src/features/schema/schema-tree-rows';
import { qualifiedName, quoteIdentifier } from '../../src/shared/sql/quote-identifier';

const objects: SchemaObjects = {
  database: 'demo',
  tables: [
    { name: 'users', engine: 'InnoDB', estimatedRows: 12_345, sizeBytes: 1_572_864, comment: 'people' },
    { name: 'orders', engine: 'InnoDB', estimatedRows: 1, sizeBytes: 16_384, comment: '' },
  ],
  views: ['active_users'],
  routines: [{ name: 'add_user', kind: 'procedure', returns: null }],
  triggers: [],
};

const users: TableDetail = {
  database: 'demo',
  name: 'users',
  kind: 'table',
  columns: [
    {
      name: 'id',
      type: 'int(11)',
      nullable: false,
      default: null,
      key: 'PRI',
      extra: 'auto_increment',
      comment: '',
    },
    {
      name: 'email',
      type: 'varchar(120)',
      nullable: true,
      default: "'x'",
      key: 'UNI',
      extra: '',
      comment: '',
    },
  ],
  indexes: [{ name: 'PRIMARY', unique: true, primary: true, columns: ['id'], type: 'BTREE' }],
  foreignKeys: [],
  triggers: [],
};

function input(over: Partial<TreeInput> = {}): TreeInput {
  return {
    databases: [
      { name: 'demo', system: false },
      { name: 'mysql', system: true },
    ],
    objects: (db) => (db === 'demo' ? { status: 'success', data: objects } : undefined),
    table: (db, t) => (db === 'demo' && t === 'users' ? { status: 'success', data: users } : undefined),
    expanded: new Set(),
    filter: '',
    ...over,
  };
}

const labels = (i: TreeInput) =>
  treeRows(i).map((r) => `${'  '.repeat(r.depth)}${r.label}${r.meta ? ` [${r.meta}]` : ''}`);

describe('schema tree rows', () => {
  it('shows only databases until one is expanded', () => {
    expect(labels(input())).toEqual(['demo', 'mysql']);
  });

  it('expands a database into groups, tables with rows and size, and a table into columns', () => {
    const expanded = new Set([
      keys.database('demo'),
      keys.group('demo', 'tables'),
      keys.table('demo', 'users'),
    ]);
    expect(labels(input({ expanded }))).toEqual([
      'demo',
      '  Tables [2]',
      '    users [~12k rows · 1.5 MB]',
      '      id [int(11)]',
      "      email [varchar(120) · null = 'x']",
      '      Indexes [1]',
      '    orders [1 row · 16 KB]',
      '  Views [1]',
      '  Routines [1]',
      'mysql',
    ]);
  });

  it('shows loading and error rows where data has not arrived', () => {
    const rows = treeRows(
      input({
        expanded: new Set([
          keys.database('mysql'),
          keys.database('demo'),
          keys.group('demo', 'tables'),
          keys.table('demo', 'orders'),
        ]),
        objects: (db) =>
          db === 'demo' ? { status: 'success', data: objects } : { status: 'error', message: 'denied' },
        table: () => ({ status: 'pending' }),
      }),
    );
    expect(rows.filter((r) => r.kind === 'status').map((r) => [r.status, r.label])).toEqual([
      ['loading', 'Loading…'],
      ['error', 'denied'],
    ]);
  });

  it('filters to matching tables and loaded columns, opening their parents', () => {
    expect(labels(input({ filter: 'mail' }))).toEqual([
      'demo',
      '  Tables [1]',
      '    users [~12k rows · 1.5 MB]',
      "      email [varchar(120) · null = 'x']",
    ]);
    expect(labels(input({ filter: 'ORD' }))).toEqual(['demo', '  Tables [1]', '    orders [1 row · 16 KB]']);
    expect(labels(input({ filter: 'nothing' }))).toEqual([]);
    // A database whose name matches stays, closed as the user left it.
    expect(labels(input({ filter: 'mys' }))).toEqual(['mysql']);
  });
});

describe('schema numbers', () => {
  it.each([
    [null, ''],
    [0, '0 rows'],
    [1, '1 row'],
    [999, '999 rows'],
    [1000, '~1k rows'],
    [12_345, '~12k rows'],
    [2_500_000, '~2.5M rows'],
  ])('rows %s → %s', (n, text) => expect(formatRowEstimate(n)).toBe(text));

  it.each([
    [null, ''],
    [512, '512 B'],
    [16_384, '16 KB'],
    [1_572_864, '1.5 MB'],
    [5 * 1024 ** 3, '5 GB'],
  ])('bytes %s → %s', (n, text) => expect(formatBytes(n)).toBe(text));
});

describe('identifier quoting for SHOW, SELECT and DROP', () => {
  it('backtick-quotes names and doubles backticks inside them', () => {
    expect(quoteIdentifier('users')).toBe('`users`');
    expect(quoteIdentifier('we`ird')).toBe('`we``ird`');
    expect(qualifiedName('my db', "o'brien")).toBe("`my db`.`o'brien`");
  });
});
