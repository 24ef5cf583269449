import { describe, expect, it } from 'vitest';
import { locateError } from '../../src/renderer/src/features/sql/error-position';

const SYNTAX = (near: string, line: number) =>
  `You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '${near}' at line ${line}`;

const marked = (statement: string, message: string) => {
  const spot = locateError(statement, message);
  return { text: statement.slice(spot.start, spot.end), exact: spot.exact, start: spot.start };
};

describe('locateError', () => {
  it('marks the token a syntax error points at, on the line the server names', () => {
    const statement = 'SELECT id\nFRM users\nWHERE id = 1';
    expect(marked(statement, SYNTAX('users\nWHERE id = 1', 2))).toEqual({
      text: 'users',
      exact: true,
      start: statement.indexOf('users'),
    });
  });

  it('finds the quoted text from the named line on, not an earlier copy of it', () => {
    const statement = 'SELECT x FROM t;\nSELECT x FORM t';
    expect(marked(statement, SYNTAX('FORM t', 2)).start).toBe(statement.lastIndexOf('FORM'));
    const repeated = 'SELECT a a a\nFROM a a a';
    expect(marked(repeated, SYNTAX('a a a', 2)).start).toBe(repeated.indexOf('\n') + 6);
  });

  it('copes with a quote the server cut at 80 characters', () => {
    const tail = `zz ${'x'.repeat(100)}`;
    const statement = `SELECT 1 ${tail}`;
    expect(marked(statement, SYNTAX(tail.slice(0, 80), 1))).toMatchObject({ text: 'zz', exact: true });
  });

  it('keeps quotes inside the quoted text (the message ends at the last `at line`)', () => {
    const statement = "SELECT 'a' 'b' FRM x";
    expect(marked(statement, SYNTAX('FRM x', 1)).text).toBe('FRM');
    expect(marked("SELEC 'it''s'", SYNTAX("SELEC 'it''s'", 1)).text).toBe('SELEC');
  });

  it("marks the last token when the statement ended too early (near '')", () => {
    expect(marked('SELECT * FROM', SYNTAX('', 1))).toMatchObject({ text: 'FROM', exact: true });
    expect(marked('SELECT (1 + ', SYNTAX('', 1))).toMatchObject({ text: '+', exact: true });
  });

  it('marks an unknown column or table where the statement names it', () => {
    const statement = 'SELECT nope FROM users';
    expect(marked(statement, "Unknown column 'nope' in 'field list'")).toMatchObject({ text: 'nope' });
    expect(marked('SELECT * FROM `demo`.`missing`', "Table 'demo.missing' doesn't exist").text).toBe(
      '`missing`',
    );
    // A name that is only part of a longer word is not it.
    expect(marked('SELECT ab, b FROM t', "Unknown column 'b' in 'field list'").start).toBe(11);
  });

  it('marks the whole statement when the message names no place', () => {
    const statement = 'INSERT INTO t VALUES (1)';
    expect(marked(statement, "Duplicate entry '1' for key 'PRIMARY'")).toEqual({
      text: statement,
      exact: false,
      start: 0,
    });
  });
});
