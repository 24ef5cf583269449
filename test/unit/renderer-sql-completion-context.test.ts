import { describe, expect, it } from 'vitest';
import { completionContext } from '../../src/renderer/src/monaco/sql-completion-context';

/** The context at the `|` in `text`. */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  return completionContext(textWithCursor.replace('|', ''), offset);
}

const users = { database: null, table: 'users', alias: null };

describe('completion context: what kind of name the cursor asks for', () => {
  it.each([
    ['SELECT * FROM |', ''],
    ['SELECT * FROM us|', 'us'],
    ['SELECT * FROM users u JOIN |', ''],
    ['SELECT * FROM users u LEFT JOIN ord|', 'ord'],
    ['UPDATE |', ''],
    ['INSERT INTO |', ''],
    ['DELETE FROM |', ''],
    ['SELECT * FROM users, |', ''],
    ['SELECT * FROM users u, orders o, |', ''],
    ['TRUNCATE TABLE |', ''],
    ['SELECT * FROM `my tab|', 'my tab'],
  ])('a table after %s', (text, prefix) => {
    expect(at(text)).toMatchObject({ kind: 'table', prefix, database: null });
  });

  it('tables of a database after `db.` in a table slot', () => {
    expect(at('SELECT * FROM shop.|')).toMatchObject({ kind: 'table', prefix: '', database: 'shop' });
    expect(at('SELECT * FROM a JOIN `my db`.or|')).toMatchObject({
      kind: 'table',
      prefix: 'or',
      database: 'my db',
    });
    expect(at('SELECT * FROM a, shop.|')).toMatchObject({ kind: 'table', database: 'shop' });
  });

  it('columns, not tables, after a comma in the select list or in WHERE', () => {
    expect(at('SELECT id, | FROM users')).toMatchObject({ kind: 'column', tables: [users] });
    expect(at('SELECT * FROM users WHERE a IN (1, |)')).toMatchObject({ kind: 'column' });
    expect(at('SELECT * FROM users ORDER BY id, |')).toMatchObject({ kind: 'column', tables: [users] });
  });

  it('columns of the tables named later in the statement (select list typed first)', () => {
    expect(at('SELECT na| FROM users')).toMatchObject({ kind: 'column', prefix: 'na', tables: [users] });
  });

  it('collects aliases with and without AS, qualified names and quoted names', () => {
    const ctx = at('SELECT | FROM shop.users AS u JOIN `order items` oi ON oi.user_id = u.id, teams');
    expect(ctx).toMatchObject({
      kind: 'column',
      tables: [
        { database: 'shop', table: 'users', alias: 'u' },
        { database: null, table: 'order items', alias: 'oi' },
        { database: null, table: 'teams', alias: null },
      ],
    });
  });

  it('does not take a keyword after a table for its alias', () => {
    for (const text of [
      'SELECT * FROM users WHERE |',
      'SELECT * FROM users LEFT JOIN t ON |',
      'SELECT * FROM users ORDER BY |',
      'SELECT * FROM users GROUP BY |',
      'SELECT * FROM users LIMIT 1; SELECT |',
    ]) {
      const ctx = at(text);
      expect(ctx.kind, text).toBe('column');
      if (ctx.kind === 'column')
        expect(
          ctx.tables.every((t) => t.alias === null),
          text,
        ).toBe(true);
    }
  });

  it('members after an alias, a table or a database', () => {
    expect(at('SELECT u.| FROM users u')).toMatchObject({
      kind: 'member',
      prefix: '',
      qualifier: ['u'],
      tables: [{ table: 'users', alias: 'u' }],
    });
    expect(at('SELECT u.na| FROM users u')).toMatchObject({ kind: 'member', prefix: 'na', qualifier: ['u'] });
    expect(at('SELECT shop.users.| FROM shop.users')).toMatchObject({
      kind: 'member',
      qualifier: ['shop', 'users'],
    });
    expect(at('SELECT * FROM users u WHERE u.|')).toMatchObject({ kind: 'member', qualifier: ['u'] });
    expect(at('SELECT `my alias`.| FROM t `my alias`')).toMatchObject({
      kind: 'member',
      qualifier: ['my alias'],
      tables: [{ table: 't', alias: 'my alias' }],
    });
  });

  it('uses only the statement at the cursor', () => {
    const ctx = at('SELECT * FROM a x;\nSELECT | FROM b y;\nSELECT * FROM c');
    expect(ctx).toMatchObject({ kind: 'column', tables: [{ table: 'b', alias: 'y' }] });
  });

  it('in a subquery, sees its tables first, then the enclosing ones', () => {
    const ctx = at('SELECT * FROM users u WHERE u.id IN (SELECT | FROM orders o WHERE o.total > 1)');
    expect(ctx).toMatchObject({
      kind: 'column',
      tables: [
        { table: 'orders', alias: 'o' },
        { table: 'users', alias: 'u' },
      ],
    });
  });

  it('outside a subquery, does not see the subquery’s tables', () => {
    const ctx = at('SELECT * FROM users u WHERE u.id IN (SELECT user_id FROM orders o) AND |');
    expect(ctx).toMatchObject({ kind: 'column', tables: [{ table: 'users', alias: 'u' }] });
  });

  it('skips a derived table but keeps the tables beside it', () => {
    const ctx = at('SELECT | FROM (SELECT id FROM x) d JOIN users u ON u.id = d.id');
    expect(ctx).toMatchObject({ kind: 'column', tables: [{ table: 'users', alias: 'u' }] });
  });

  it('INSERT column lists and UPDATE SET see the target table', () => {
    expect(at('INSERT INTO users (na|')).toMatchObject({ kind: 'column', prefix: 'na', tables: [users] });
    expect(at('UPDATE users SET |')).toMatchObject({ kind: 'column', tables: [users] });
    expect(at('UPDATE users u SET u.|')).toMatchObject({ kind: 'member', qualifier: ['u'] });
  });

  it('offers nothing inside strings and comments', () => {
    expect(at("SELECT 'FROM |'")).toEqual({ kind: 'none' });
    expect(at("SELECT * FROM users WHERE name = 'ab|")).toEqual({ kind: 'none' });
    expect(at('SELECT 1 -- FROM |')).toEqual({ kind: 'none' });
    expect(at('SELECT /* FROM | */ 1')).toEqual({ kind: 'none' });
  });

  it('ignores comments and strings when reading the structure', () => {
    const ctx = at("SELECT | /* FROM fake f */ FROM users -- , other\nWHERE name = 'x FROM y'");
    expect(ctx).toMatchObject({ kind: 'column', tables: [users] });
  });

  it('a word right after a closed comment or at the very start', () => {
    expect(at('|')).toMatchObject({ kind: 'column', prefix: '', tables: [] });
    expect(at('SEL|')).toMatchObject({ kind: 'column', prefix: 'SEL' });
    expect(at('/* x */ SELECT * FROM |')).toMatchObject({ kind: 'table' });
  });

  it('reports where the typed word starts, backtick included', () => {
    expect(at('SELECT * FROM `us|')).toMatchObject({ kind: 'table', prefix: 'us', from: 14 });
    expect(at('SELECT na|')).toMatchObject({ from: 7 });
    expect(at('SELECT |')).toMatchObject({ from: 7 });
  });
});
