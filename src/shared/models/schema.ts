/** What the schema tree and completion read about a MySQL/MariaDB server (information_schema). */

export interface SchemaDatabase {
  name: string;
  /** information_schema, mysql, performance_schema, sys: listed last and dimmed. */
  system: boolean;
}

export interface TableSummary {
  name: string;
  engine: string | null;
  /** information_schema's estimate (exact for MyISAM, approximate for InnoDB); null when unknown. */
  estimatedRows: number | null;
  /** Data plus index length in bytes; null when unknown. */
  sizeBytes: number | null;
  comment: string;
}

export interface RoutineSummary {
  name: string;
  kind: 'procedure' | 'function';
  /** The return type of a function. */
  returns: string | null;
}

export interface TriggerSummary {
  name: string;
  table: string;
  /** BEFORE or AFTER. */
  timing: string;
  /** INSERT, UPDATE or DELETE. */
  event: string;
}

export interface SchemaObjects {
  database: string;
  tables: TableSummary[];
  views: string[];
  routines: RoutineSummary[];
  triggers: TriggerSummary[];
}

export interface ColumnInfo {
  name: string;
  /** The full column type, e.g. `varchar(64)`, `int(10) unsigned`. */
  type: string;
  nullable: boolean;
  /** The default as an SQL expression or literal text; null when there is none (or it is NULL). */
  default: string | null;
  /** PRI, UNI, MUL or empty. */
  key: string;
  /** auto_increment, on update current_timestamp(), VIRTUAL GENERATED, … */
  extra: string;
  comment: string;
}

export interface IndexInfo {
  name: string;
  unique: boolean;
  primary: boolean;
  /** In index order; a prefix index shows its length, e.g. `title(20)`. */
  columns: string[];
  type: string;
}

export interface ForeignKeyInfo {
  name: string;
  columns: string[];
  referencedDatabase: string;
  referencedTable: string;
  referencedColumns: string[];
  onUpdate: string;
  onDelete: string;
}

export interface TableDetail {
  database: string;
  name: string;
  kind: 'table' | 'view';
  columns: ColumnInfo[];
  indexes: IndexInfo[];
  foreignKeys: ForeignKeyInfo[];
  triggers: TriggerSummary[];
}

export const DDL_KINDS = ['table', 'view', 'procedure', 'function', 'trigger'] as const;
export type DdlKind = (typeof DDL_KINDS)[number];

export interface CatalogTable {
  name: string;
  kind: 'table' | 'view';
  columns: { name: string; type: string }[];
}

/** Every table and column of one database, for completion. */
export interface SchemaCatalog {
  database: string;
  tables: CatalogTable[];
}
