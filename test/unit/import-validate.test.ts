import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, proposeMapping } from '../../src/main/mysql/import-parse';
import { checkValue } from '../../src/main/mysql/import-validate';
import type { TableColumn } from '../../src/shared/models/table-edit';

const col = (over: Partial<TableColumn>): TableColumn => ({
  name: 'c',
  columnType: 'varchar(5)',
  dataType: 'varchar',
  nullable: true,
  defaultValue: null,
  autoIncrement: false,
  generated: false,
  maxLength: 5,
  numericPrecision: null,
  numericScale: null,
  primaryKey: false,
  ...over,
});

describe('CSV values against column types', () => {
  it.each([
    [col({ dataType: 'tinyint', columnType: 'tinyint(4)' }), '127', null],
    [col({ dataType: 'tinyint', columnType: 'tinyint(4)' }), '128', 'is out of range for tinyint(4)'],
    [col({ dataType: 'int', columnType: 'int(10) unsigned' }), '-1', 'is out of range for int(10) unsigned'],
    [col({ dataType: 'bigint', columnType: 'bigint(20)' }), '9223372036854775807', null],
    [col({ dataType: 'int', columnType: 'int' }), '1.5', 'is not a whole number'],
    [
      col({ dataType: 'decimal', columnType: 'decimal(5,2)', numericPrecision: 5, numericScale: 2 }),
      '123.45',
      null,
    ],
    [
      col({ dataType: 'decimal', columnType: 'decimal(5,2)', numericPrecision: 5, numericScale: 2 }),
      '1234.5',
      'has too many digits for decimal(5,2)',
    ],
    [col({ dataType: 'date', columnType: 'date' }), '2024-02-29', null],
    [col({ dataType: 'date', columnType: 'date' }), '2023-02-29', 'is not a date (YYYY-MM-DD)'],
    [col({ dataType: 'datetime', columnType: 'datetime' }), '2024-01-01 23:59:59', null],
    [
      col({ dataType: 'datetime', columnType: 'datetime' }),
      '2024-01-01 24:00:00',
      'is not a valid time of day',
    ],
    [col({ dataType: 'varchar' }), 'héllo', null],
    [col({ dataType: 'varchar' }), 'héllo!', 'is longer than 5 characters'],
    [col({ dataType: 'enum', columnType: "enum('a','it''s')", maxLength: 4 }), "it's", null],
    [
      col({ dataType: 'enum', columnType: "enum('a','b')", maxLength: 1 }),
      'c',
      "is not one of enum('a','b')",
    ],
    [col({ nullable: false }), null, 'cannot be NULL (empty)'],
    [col({ nullable: false, autoIncrement: true, dataType: 'int', columnType: 'int' }), null, null],
  ])('%o %s', (column, value, problem) => {
    expect(checkValue(value, column)).toBe(problem);
  });
});

describe('CSV parsing', () => {
  it('detects the delimiter outside quotes and keeps NULL apart from the empty string', () => {
    expect(detectDelimiter('"a;b",c,d\n1;2')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    const csv = parseCsv('\uFEFFid,note\r\n1,\r\n2,""\r\n3,\\N\r\n4,"two\nlines"\r\n5,x\r\n', true, 'auto');
    expect(csv.columns).toEqual(['id', 'note']);
    expect(csv.records).toEqual([
      { line: 2, fields: ['1', null] },
      { line: 3, fields: ['2', ''] },
      { line: 4, fields: ['3', null] },
      { line: 5, fields: ['4', 'two\nlines'] },
      { line: 7, fields: ['5', 'x'] },
    ]);
  });

  it('proposes columns by name, ignoring case and punctuation, never a generated column', () => {
    const columns = [
      col({ name: 'user_id' }),
      col({ name: 'Email' }),
      col({ name: 'full', generated: true }),
    ];
    expect(proposeMapping(['User ID', 'email', 'full', 'other'], columns)).toEqual([
      'user_id',
      'Email',
      null,
      null,
    ]);
  });
});
