import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitStatements, statementAt } from '../../src/shared/sql/split-statements';

const texts = (script: string) => splitStatements(script).map((s) => s.text);

describe('splitStatements', () => {
  it('splits on semicolons and keeps each statement’s offsets, line and column', () => {
    const script = 'SELECT 1;\n  SELECT 2 ;\n\nSELECT\n  3';
    const statements = splitStatements(script);
    expect(statements.map((s) => s.text)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT\n  3']);
    for (const s of statements) expect(script.slice(s.start, s.end)).toBe(s.text);
    expect(statements.map((s) => [s.line, s.column])).toEqual([
      [1, 1],
      [2, 3],
      [4, 1],
    ]);
  });

  it('does not swallow the next statement after `SELECT 1--2` (arithmetic, not a comment)', () => {
    expect(texts('SELECT 1--2;\nSELECT 3;')).toEqual(['SELECT 1--2', 'SELECT 3']);
    expect(texts('SELECT 5 --1;SELECT 6')).toEqual(['SELECT 5 --1', 'SELECT 6']);
  });

  it('treats `-- ` followed by whitespace as a comment, up to the end of the line', () => {
    expect(texts('SELECT 1 -- one; two\n;SELECT 2')).toEqual(['SELECT 1 -- one; two', 'SELECT 2']);
    expect(texts('SELECT 1;\n-- only a comment\n')).toEqual(['SELECT 1']);
  });

  it('knows MySQL `#` comments: no split inside them, comment-only parts dropped', () => {
    const script = '# setup; first\nSELECT 1;\nSELECT 2 # two;three\n; SELECT 3; # trailing';
    // A trailing `#` comment is left off the statement sent; the server would ignore it anyway.
    expect(texts(script)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
  });

  it('leaves a `#` inside strings and identifiers alone', () => {
    expect(texts('SELECT \'#;x\', `a#;b`; SELECT "#"')).toEqual(["SELECT '#;x', `a#;b`", 'SELECT "#"']);
  });

  it('does not split inside strings, quoted identifiers or block comments', () => {
    const script = "SELECT 'a;b', \"c;d\", `e;f`; SELECT 'it''s;', 'x\\';y'; /* p; q */ SELECT 2";
    expect(texts(script)).toEqual([
      'SELECT \'a;b\', "c;d", `e;f`',
      "SELECT 'it''s;', 'x\\';y'",
      '/* p; q */ SELECT 2',
    ]);
  });

  it('keeps executable comments `/*! … */` as statements', () => {
    expect(texts('/*!40101 SET NAMES utf8 */;')).toEqual(['/*!40101 SET NAMES utf8 */']);
  });

  it('follows DELIMITER blocks, so a procedure body keeps its semicolons', () => {
    const script = [
      'DELIMITER $$',
      'CREATE PROCEDURE p()',
      'BEGIN',
      '  SELECT 1;',
      '  SELECT 2;',
      'END$$',
      'DELIMITER ;',
      'CALL p();',
    ].join('\n');
    const statements = splitStatements(script);
    expect(statements.map((s) => s.text)).toEqual([
      'CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND',
      'CALL p()',
    ]);
    expect(statements.map((s) => s.line)).toEqual([2, 8]);
  });

  it('accepts `//` and `;;` as delimiters too', () => {
    expect(texts('DELIMITER //\nSELECT 1; SELECT 2//\nSELECT 3//')).toEqual([
      'SELECT 1; SELECT 2',
      'SELECT 3',
    ]);
    expect(texts('DELIMITER ;;\nSELECT 1;;SELECT 2;;')).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('answers nothing for an empty or comment-only script', () => {
    expect(splitStatements('')).toEqual([]);
    expect(splitStatements('  \n -- nothing\n# here\n/* none */')).toEqual([]);
  });

  it('counts offsets in UTF-16 units, as the editor does', () => {
    const script = "SELECT '😀'; SELECT 2";
    const [, second] = splitStatements(script);
    expect(second).toMatchObject({ text: 'SELECT 2', start: script.indexOf('SELECT 2'), column: 14 });
  });
});

describe('splitStatements on generated scripts', () => {
  // Pieces that have tripped splitters: delimiters in strings, names and comments, `--` as minus.
  const piece = fc.constantFrom(
    'a',
    '1',
    "'a;b'",
    "'it''s;'",
    "'x\\';y'",
    '"q;r"',
    '`c;d`',
    '/* e; f */',
    '1--2',
    '# hash ; c\n',
    '-- dash ; c\n',
    '\n',
  );
  const statement = fc.array(piece, { maxLength: 8 }).map((parts) => `SELECT ${parts.join(' ')} 1`);

  it('finds each statement again, at its offsets, whatever it holds', () => {
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 6 }), (statements) => {
        const script = statements.join(';\n');
        const split = splitStatements(script);
        expect(split.map((s) => s.text)).toEqual(statements);
        for (const s of split) expect(script.slice(s.start, s.end)).toBe(s.text);
      }),
    );
  });
});

describe('statementAt', () => {
  const script = 'SELECT 1;\nSELECT 2;\n\nSELECT 3';
  const statements = splitStatements(script);

  it('picks the statement the cursor is in, or the one just before it', () => {
    expect(statementAt(statements, script.indexOf('2'))?.text).toBe('SELECT 2');
    // Right after `SELECT 2;` and on the blank line below it.
    expect(statementAt(statements, script.indexOf('2') + 2)?.text).toBe('SELECT 2');
    expect(statementAt(statements, script.indexOf('\n\n') + 1)?.text).toBe('SELECT 2');
    expect(statementAt(statements, script.length)?.text).toBe('SELECT 3');
  });

  it('picks the first statement when the cursor is before all of them', () => {
    expect(statementAt(splitStatements('\n\nSELECT 1'), 0)?.text).toBe('SELECT 1');
    expect(statementAt([], 0)).toBeUndefined();
  });
});
