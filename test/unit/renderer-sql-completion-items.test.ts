import { describe, expect, it } from 'vitest';
import type { SchemaCatalog } from '../../src/shared/models/schema';
import { completionContext } from '../../src/renderer/src/monaco/sql-completion-context';
import {
  completionItems,
  databasesNeeded,
  sqlName,
  type CatalogLookup,
} from '../../src/renderer/src/monaco/sql-completion-items';

const CATALOGS: Record<string, SchemaCatalog> = {
  demo: {
    database: 'demo',
    tables: [
      {
        name: 'users',
        kind: 'table',
        columns: [
          { name: 'id', type: 'int(11)' },
          { name: 'name', type: 'varchar(64)' },
        ],
      },
      { name: 'orders', kind: 'table', columns: [{ name: 'total', type: 'decimal(10,2)' }] },
      { name: 'user stats', kind: 'view', columns: [{ name: 'order', type: 'bigint(21)' }] },
    ],
  },
  shop: {
    database: 'shop',
    tables: [{ name: 'items', kind: 'table', columns: [{ name: 'sku', type: 'char(8)' }] }],
  },
};

const lookup: CatalogLookup = {
  defaultDatabase: 'demo',
  databases: ['demo', 'shop'],
  catalog: (db) => CATALOGS[db],
};

function labels(textWithCursor: string, kind?: string): string[] {
  const ctx = completionContext(textWithCursor.replace('|', ''), textWithCursor.indexOf('|'));
  return completionItems(ctx, lookup)
    .filter((s) => kind === undefined || s.kind === kind)
    .map((s) => s.label);
}

describe('completion items', () => {
  it('columns of the tables in scope come first, in table order', () => {
    const ctx = completionContext('SELECT na FROM users', 9);
    const items = completionItems(ctx, lookup).sort((a, b) => a.sortText.localeCompare(b.sortText));
    expect(items.slice(0, 2).map((s) => s.label)).toEqual(['id', 'name']);
    expect(items[1]).toMatchObject({ kind: 'column', detail: 'varchar(64) · users' });
    expect(labels('SELECT | FROM users', 'keyword')).toContain('WHERE');
  });

  it('columns of an alias and of a database-qualified table', () => {
    expect(labels('SELECT o.| FROM users u JOIN orders o')).toEqual(['total']);
    expect(labels('SELECT u.| FROM users u JOIN orders o')).toEqual(['id', 'name']);
    expect(labels('SELECT i.| FROM shop.items i')).toEqual(['sku']);
    expect(labels('SELECT shop.items.| FROM shop.items')).toEqual(['sku']);
    // A table named without an alias, even before FROM is typed.
    expect(labels('SELECT users.|')).toEqual(['id', 'name']);
  });

  it('tables (and views) of the default database after FROM, then databases', () => {
    expect(labels('SELECT * FROM |')).toEqual(['users', 'orders', 'user stats', 'demo', 'shop']);
    expect(labels('SELECT * FROM shop.|')).toEqual(['items']);
    expect(labels('SELECT * FROM x WHERE shop.|')).toEqual(['items']);
  });

  it('quotes names that need it', () => {
    expect(sqlName('users')).toBe('users');
    expect(sqlName('user stats')).toBe('`user stats`');
    expect(sqlName('order')).toBe('`order`');
    expect(sqlName('we`ird')).toBe('`we``ird`');
    expect(sqlName('1abc')).toBe('`1abc`');
    const ctx = completionContext('SELECT * FROM ', 14);
    expect(completionItems(ctx, lookup).find((s) => s.label === 'user stats')?.insertText).toBe(
      '`user stats`',
    );
  });

  it('asks for the catalogs the context names', () => {
    const ctx = completionContext('SELECT | FROM shop.items i JOIN users', 7);
    expect(databasesNeeded(ctx, 'demo').sort()).toEqual(['demo', 'shop']);
    expect(databasesNeeded(completionContext('SELECT * FROM other.', 20), null)).toEqual(['other']);
    expect(databasesNeeded({ kind: 'none' }, 'demo')).toEqual([]);
  });

  it('offers nothing in a string, and no schema names without a catalog', () => {
    expect(labels("SELECT '|'")).toEqual([]);
    const none: CatalogLookup = { defaultDatabase: null, databases: [], catalog: () => undefined };
    const ctx = completionContext('SELECT * FROM ', 14);
    expect(completionItems(ctx, none)).toEqual([]);
  });
});
