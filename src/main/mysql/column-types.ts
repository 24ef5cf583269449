import mysql from 'mysql2';

const BINARY_CHARSET = 63;

// mysql2 names wire types after the protocol (LONGLONG, VAR_STRING); users know the SQL names.
const SQL_NAMES: Record<string, string> = {
  TINY: 'TINYINT',
  SHORT: 'SMALLINT',
  INT24: 'MEDIUMINT',
  LONG: 'INT',
  LONGLONG: 'BIGINT',
  NEWDECIMAL: 'DECIMAL',
  VAR_STRING: 'VARCHAR',
  STRING: 'CHAR',
  TINY_BLOB: 'TINYBLOB',
  MEDIUM_BLOB: 'MEDIUMBLOB',
  LONG_BLOB: 'LONGBLOB',
  NEWDATE: 'DATE',
};

const TEXT_OF_BLOB: Record<string, string> = {
  TINYBLOB: 'TINYTEXT',
  BLOB: 'TEXT',
  MEDIUMBLOB: 'MEDIUMTEXT',
  LONGBLOB: 'LONGTEXT',
};

const namesById = new Map<number, string>(
  Object.entries(mysql.Types).map(([name, id]) => [id as number, name]),
);

/** The SQL type name a user would write for a result column. */
export function columnTypeName(columnType: number | undefined, characterSet: number | undefined): string {
  const wire = columnType === undefined ? undefined : namesById.get(columnType);
  if (!wire) return 'UNKNOWN';
  const name = SQL_NAMES[wire] ?? wire;
  const binary = characterSet === BINARY_CHARSET;
  if (!binary && TEXT_OF_BLOB[name]) return TEXT_OF_BLOB[name];
  if (binary && name === 'VARCHAR') return 'VARBINARY';
  if (binary && name === 'CHAR') return 'BINARY';
  return name;
}
