import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyStatement } from '../../src/shared/sql/classify-statement';

describe('classifyStatement', () => {
  it.each([
    ['SELECT * FROM t', 'read'],
    ['  show tables', 'read'],
    ['EXPLAIN SELECT 1', 'read'],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'read'],
    ['USE shop', 'read'],
    ['SET NAMES utf8mb4', 'read'],
    ['(SELECT 1) UNION (SELECT 2)', 'read'],
    ['INSERT INTO t VALUES (1)', 'write'],
    ['replace into t values (1)', 'write'],
    ["LOAD DATA INFILE 'x' INTO TABLE t", 'write'],
    ["SELECT * FROM t INTO OUTFILE '/tmp/x'", 'write'],
    ['CREATE TABLE t (id INT)', 'ddl'],
    ['SET GLOBAL max_connections = 10', 'ddl'],
    ['GRANT SELECT ON *.* TO u', 'ddl'],
    ['FROBNICATE everything', 'write'],
  ])('%s is %s', (sql, kind) => {
    expect(classifyStatement(sql).kind).toBe(kind);
  });

  it('flags DROP, TRUNCATE, ALTER and unconditional UPDATE/DELETE as destructive, with a reason', () => {
    expect(classifyStatement('DROP TABLE shop.orders')).toMatchObject({
      kind: 'ddl',
      verb: 'DROP TABLE',
      destructive: true,
      reason: expect.stringContaining('deletes'),
    });
    expect(classifyStatement('truncate table t')).toMatchObject({
      destructive: true,
      verb: 'TRUNCATE TABLE',
    });
    expect(classifyStatement('ALTER TABLE t ADD c INT')).toMatchObject({ destructive: true });
    expect(classifyStatement('UPDATE t SET a = 1')).toMatchObject({
      kind: 'write',
      destructive: true,
      reason: expect.stringContaining('without WHERE'),
    });
    expect(classifyStatement('DELETE FROM t LIMIT 10')).toMatchObject({ destructive: true });
    expect(classifyStatement('UPDATE t SET a = 1 WHERE id = 2')).toMatchObject({ destructive: false });
    expect(classifyStatement('DELETE FROM t WHERE id IN (1, 2)')).toMatchObject({ destructive: false });
    expect(classifyStatement('CREATE TABLE t (id INT)').destructive).toBe(false);
  });

  it('is not fooled by comments, strings or quoted identifiers', () => {
    expect(classifyStatement("SELECT 'DROP TABLE t; DELETE FROM t'")).toMatchObject({ kind: 'read' });
    expect(classifyStatement('-- DROP TABLE t\nSELECT 1')).toMatchObject({ kind: 'read' });
    expect(classifyStatement('# DELETE FROM t\nSELECT 1')).toMatchObject({ kind: 'read' });
    expect(classifyStatement('/* DROP DATABASE x */ SELECT 1')).toMatchObject({ kind: 'read' });
    expect(classifyStatement('/* harmless */ DROP TABLE t').destructive).toBe(true);
    // A WHERE in a string, a comment, an identifier or a subquery does not make a DELETE safe.
    expect(classifyStatement('DELETE FROM t -- WHERE id = 1').destructive).toBe(true);
    expect(classifyStatement("UPDATE t SET note = 'WHERE'").destructive).toBe(true);
    expect(classifyStatement('UPDATE t SET `where` = 1').destructive).toBe(true);
    expect(classifyStatement('UPDATE t SET a = (SELECT b FROM u WHERE u.id = 1)').destructive).toBe(true);
    expect(classifyStatement("UPDATE t SET a = 'it''s' WHERE id = 1").destructive).toBe(false);
    expect(classifyStatement("UPDATE t SET a = 'x\\' WHERE' ").destructive).toBe(true);
    // What follows a semicolon is another statement, not part of this one.
    expect(classifyStatement('DELETE FROM t; SELECT 1 WHERE 1').destructive).toBe(true);
  });

  it('treats executable comments and statement prefixes as the code they run', () => {
    expect(classifyStatement('/*!50000 DROP TABLE t */').destructive).toBe(true);
    expect(classifyStatement('/*M!100000 TRUNCATE t */').destructive).toBe(true);
    expect(classifyStatement('WITH ids AS (SELECT 1) DELETE FROM t')).toMatchObject({
      kind: 'write',
      destructive: true,
    });
    expect(classifyStatement('ANALYZE DELETE FROM t')).toMatchObject({ kind: 'write', destructive: true });
    expect(classifyStatement('EXPLAIN ANALYZE UPDATE t SET a = 1')).toMatchObject({ destructive: true });
    expect(classifyStatement('ANALYZE TABLE t')).toMatchObject({ kind: 'ddl', destructive: false });
  });
});

/** A separator MySQL accepts between two tokens: spaces, or a comment of any text. */
const separator = fc.oneof(
  fc.constantFrom(' ', '\n', '\t '),
  fc
    .string()
    .map((s) => `/*${s.replace(/\*\//g, '')}*/`)
    .filter((c) => !/^\/\*(!|M!)/.test(c)),
  fc.string().map((s) => ` -- ${s.replace(/[\r\n]/g, '')}\n`),
  fc.string().map((s) => `#${s.replace(/[\r\n]/g, '')}\n`),
);

/** The statement with every word in a random case and a random separator between tokens. */
function disguised(tokens: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(separator, { minLength: tokens.length + 1, maxLength: tokens.length + 1 }),
      fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    )
    .map(([seps, upper]) => {
      let k = 0;
      const cased = (t: string) =>
        [...t].map((ch) => (upper[k++ % upper.length] ? ch.toUpperCase() : ch.toLowerCase())).join('');
      return seps[0] + tokens.map((t, i) => cased(t) + seps[i + 1]).join('');
    });
}

const dangerous: [string[], Partial<ReturnType<typeof classifyStatement>>][] = [
  [['DELETE', 'FROM', 't'], { kind: 'write', verb: 'DELETE', destructive: true }],
  [['UPDATE', 't', 'SET', 'a', '=', '1'], { kind: 'write', verb: 'UPDATE', destructive: true }],
  [['TRUNCATE', 'TABLE', 't'], { kind: 'ddl', destructive: true }],
  [['DROP', 'DATABASE', 'shop'], { kind: 'ddl', verb: 'DROP DATABASE', destructive: true }],
  [
    ['SET', 'STATEMENT', 'max_statement_time', '=', '0', 'FOR', 'DELETE', 'FROM', 't'],
    { kind: 'write', verb: 'DELETE', destructive: true },
  ],
  [
    ['SET', 'STATEMENT', 'a', '=', '1', ',', 'b', '=', '2', 'FOR', 'UPDATE', 't', 'SET', 'x', '=', '1'],
    { kind: 'write', verb: 'UPDATE', destructive: true },
  ],
  [['SET', 'SESSION', 'TRANSACTION', 'READ', 'WRITE'], { kind: 'write', destructive: false }],
  [['SET', 'TRANSACTION', 'READ', 'WRITE'], { kind: 'write', destructive: false }],
  [['START', 'TRANSACTION', 'READ', 'WRITE'], { kind: 'write', destructive: false }],
  [['SET', 'SESSION', 'tx_read_only', '=', '0'], { kind: 'write', destructive: false }],
  [['SET', 'transaction_read_only', ':=', 'OFF'], { kind: 'write', destructive: false }],
  [['INSERT', 'INTO', 't', 'VALUES', '(', '1', ')'], { kind: 'write', destructive: false }],
  [['SET', 'GLOBAL', 'read_only', '=', '0'], { kind: 'ddl', verb: 'SET GLOBAL' }],
];

describe('classifyStatement on disguised statements', () => {
  it.each(dangerous)(
    '%j keeps its class with comments anywhere between tokens, in any case',
    (tokens, expected) => {
      expect(classifyStatement(tokens.join(' '))).toMatchObject(expected);
      fc.assert(
        fc.property(disguised(tokens), (sql) => {
          expect(classifyStatement(sql)).toMatchObject(expected);
        }),
        { numRuns: 300 },
      );
    },
  );

  it('reads executable comments as the code the server runs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dangerous),
        fc.constantFrom('/*!', '/*!50000 ', '/*M!', '/*M!100000 '),
        ([tokens, expected], opening) => {
          expect(classifyStatement(`${opening}${tokens.join(' ')}*/`)).toMatchObject(expected);
          // An older server skips a versioned comment and runs what is left: the stricter reading wins.
          const split = classifyStatement(`${tokens[0]} ${opening}${tokens.slice(1).join(' ')} */`);
          expect(split.destructive).toBe(expected.destructive ?? false);
          expect(split.kind).not.toBe('read');
        },
      ),
    );
  });

  it('is not fooled by any text in a string literal, however it is escaped', () => {
    const escapes = [
      (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
      (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`,
      (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '""')}"`,
    ];
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...escapes), (text, quote) => {
        expect(classifyStatement(`DELETE FROM t WHERE note = ${quote(text)}`).destructive).toBe(false);
        expect(classifyStatement(`DELETE FROM t -- ${quote(text)} WHERE 1\n`).destructive).toBe(true);
        expect(classifyStatement(`SELECT ${quote(text)} FROM t`).kind).toBe('read');
      }),
    );
  });

  it('reads a versioned executable comment both as code and as the comment an older server skips', () => {
    expect(classifyStatement("/*!99999 ' */ DELETE FROM t -- '")).toMatchObject({ destructive: true });
    expect(classifyStatement('DELETE FROM t /*!50700 WHERE id = 1 */')).toMatchObject({ destructive: true });
    expect(classifyStatement('DELETE FROM t /*! WHERE id = 1 */')).toMatchObject({ destructive: false });
  });

  it('takes the stricter reading when backslashes may not escape (sql_mode NO_BACKSLASH_ESCAPES)', () => {
    // With backslash escapes the DELETE is inside a string; without them it is what the server runs.
    const sql = "SET STATEMENT sql_mode='a\\' FOR DELETE FROM t -- ' FOR SELECT 1";
    expect(classifyStatement(sql)).toMatchObject({ kind: 'write', verb: 'DELETE', destructive: true });
    expect(classifyStatement("SELECT 'a\\'; DELETE FROM t; -- '").destructive).toBe(true);
    // A reading that leaves a literal open is refused by the server, so it does not count.
    expect(classifyStatement("UPDATE t SET a = 'it\\'s' WHERE id = 1").destructive).toBe(false);
  });
});

describe('classifyStatement for read-only profiles', () => {
  it.each([
    'SET NAMES utf8mb4',
    'SET CHARACTER SET latin1',
    "SET @picked = 1, @`name` := 'x'",
    'SET autocommit = 0',
    "SET SESSION sql_mode = 'ANSI'",
    "SET @@session.time_zone = '+00:00', max_statement_time = 5",
    'SET LOCAL max_execution_time = 1000',
    'SET STATEMENT max_statement_time = 1 FOR SELECT 1',
    'START TRANSACTION READ ONLY',
    'BEGIN',
    'START TRANSACTION WITH CONSISTENT SNAPSHOT',
  ])('lets %s pass', (sql) => {
    expect(classifyStatement(sql).kind).toBe('read');
  });

  it.each([
    ['SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', /writable/],
    ['SET @@tx_read_only = 0', /writable/],
    ['SET @/**/@session.transaction_read_only = 0', /writable/],
    ['SET NAMES utf8mb4, tx_read_only = 0', /writable/],
    ['SET ROLE admin', /read-only profile keeps/],
    ["SET PASSWORD = 'x'", /read-only profile keeps/],
    ['SET sql_log_bin = 0', /sql_log_bin/],
    ['SET STATEMENT tx_read_only = 0 FOR SELECT 1', /writable/],
    ['START SLAVE', undefined],
    ['BEGIN NOT ATOMIC DELETE FROM t; END', undefined],
    ['IF 1 THEN DELETE FROM t; END IF', undefined],
    ['PREPARE s FROM @sql', undefined],
  ])('refuses %s', (sql, refusal) => {
    const c = classifyStatement(sql);
    expect(c.kind).not.toBe('read');
    if (refusal) expect(c.refusal).toMatch(refusal);
  });

  it('asks before a compound statement, which runs what it holds unchecked', () => {
    expect(classifyStatement('BEGIN NOT ATOMIC DELETE FROM t WHERE id = 1; END')).toMatchObject({
      destructive: true,
      reason: expect.stringContaining('compound'),
    });
  });
});
