/**
 * information_schema queries, parameterised (`?`), with their row shapes. Column names are aliased so
 * MySQL 8 and MariaDB answer with the same keys.
 */

export const DATABASES_SQL =
  'SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME';
export interface DatabaseRow {
  name: string;
}

export const TABLES_SQL = `SELECT TABLE_NAME AS name, TABLE_TYPE AS type, ENGINE AS engine, TABLE_ROWS AS estimatedRows,
  DATA_LENGTH AS dataLength, INDEX_LENGTH AS indexLength, TABLE_COMMENT AS comment
FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`;
export interface TableRow {
  name: string;
  type: string;
  engine: string | null;
  estimatedRows: string | number | null;
  dataLength: string | number | null;
  indexLength: string | number | null;
  comment: string | null;
}

export const ROUTINES_SQL = `SELECT ROUTINE_NAME AS name, ROUTINE_TYPE AS type, DTD_IDENTIFIER AS returns
FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? ORDER BY ROUTINE_NAME, ROUTINE_TYPE`;
export interface RoutineRow {
  name: string;
  type: string;
  returns: string | null;
}

const TRIGGER_COLUMNS = `TRIGGER_NAME AS name, EVENT_OBJECT_TABLE AS tableName, ACTION_TIMING AS timing,
  EVENT_MANIPULATION AS event`;
export const TRIGGERS_SQL = `SELECT ${TRIGGER_COLUMNS} FROM information_schema.TRIGGERS
WHERE TRIGGER_SCHEMA = ? ORDER BY EVENT_OBJECT_TABLE, ACTION_ORDER, TRIGGER_NAME`;
export const TABLE_TRIGGERS_SQL = `SELECT ${TRIGGER_COLUMNS} FROM information_schema.TRIGGERS
WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ? ORDER BY ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER`;
export interface TriggerRow {
  name: string;
  tableName: string;
  timing: string;
  event: string;
}

export const TABLE_KIND_SQL = `SELECT TABLE_TYPE AS type FROM information_schema.TABLES
WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?`;

export const COLUMNS_SQL = `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable,
  COLUMN_DEFAULT AS defaultValue, COLUMN_KEY AS columnKey, EXTRA AS extra, COLUMN_COMMENT AS comment
FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`;
export interface ColumnRow {
  name: string;
  type: string;
  nullable: string;
  defaultValue: string | null;
  columnKey: string;
  extra: string;
  comment: string;
}

export const INDEXES_SQL = `SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS columnName,
  SUB_PART AS subPart, INDEX_TYPE AS type
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX`;
export interface IndexRow {
  name: string;
  nonUnique: string | number;
  columnName: string | null;
  subPart: string | number | null;
  type: string;
}

export const FOREIGN_KEYS_SQL = `SELECT k.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS columnName,
  k.REFERENCED_TABLE_SCHEMA AS refDatabase, k.REFERENCED_TABLE_NAME AS refTable,
  k.REFERENCED_COLUMN_NAME AS refColumn, r.UPDATE_RULE AS onUpdate, r.DELETE_RULE AS onDelete
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r
  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
  AND r.TABLE_NAME = k.TABLE_NAME
WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION`;
export interface ForeignKeyRow {
  name: string;
  columnName: string;
  refDatabase: string;
  refTable: string;
  refColumn: string;
  onUpdate: string;
  onDelete: string;
}

export const CATALOG_SQL = `SELECT c.TABLE_NAME AS tableName, t.TABLE_TYPE AS tableType, c.COLUMN_NAME AS name,
  c.COLUMN_TYPE AS type
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
WHERE c.TABLE_SCHEMA = ? ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`;
export interface CatalogRow {
  tableName: string;
  tableType: string;
  name: string;
  type: string;
}
