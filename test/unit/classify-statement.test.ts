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
