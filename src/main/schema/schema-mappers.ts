import type {
  CatalogTable,
  ColumnInfo,
  ForeignKeyInfo,
  IndexInfo,
  RoutineSummary,
  SchemaDatabase,
  TableSummary,
  TriggerSummary,
} from '../../shared/models/schema';
import type {
  CatalogRow,
  ColumnRow,
  DatabaseRow,
  ForeignKeyRow,
  IndexRow,
  RoutineRow,
  TableRow,
  TriggerRow,
} from './schema-queries';

const SYSTEM_DATABASES = new Set(['information_schema', 'mysql', 'performance_schema', 'sys']);

/** BIGINT columns arrive as strings (bigNumberStrings); sizes stay well inside a double. */
function count(value: string | number | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** User databases first (by name), then the server's own. */
export function toDatabases(rows: DatabaseRow[]): SchemaDatabase[] {
  const all = rows.map((r) => ({ name: r.name, system: SYSTEM_DATABASES.has(r.name.toLowerCase()) }));
  return [...all.filter((d) => !d.system), ...all.filter((d) => d.system)];
}

export function isView(tableType: string): boolean {
  return tableType.toUpperCase() === 'VIEW';
}

export function toTables(rows: TableRow[]): TableSummary[] {
  return rows
    .filter((r) => !isView(r.type))
    .map((r) => {
      const data = count(r.dataLength);
      const index = count(r.indexLength);
      return {
        name: r.name,
        engine: r.engine,
        estimatedRows: count(r.estimatedRows),
        sizeBytes: data === null && index === null ? null : (data ?? 0) + (index ?? 0),
        comment: r.comment ?? '',
      };
    });
}

export function toViews(rows: TableRow[]): string[] {
  return rows.filter((r) => isView(r.type)).map((r) => r.name);
}

export function toRoutines(rows: RoutineRow[]): RoutineSummary[] {
  return rows.map((r) => {
    const kind = r.type.toUpperCase() === 'FUNCTION' ? 'function' : 'procedure';
    return { name: r.name, kind, returns: kind === 'function' ? r.returns : null };
  });
}

export function toTriggers(rows: TriggerRow[]): TriggerSummary[] {
  return rows.map((r) => ({ name: r.name, table: r.tableName, timing: r.timing, event: r.event }));
}

/**
 * MariaDB (10.2.7+) reports defaults as SQL: string literals quoted, `NULL` for none; MySQL gives
 * the bare value and SQL NULL. Both become text, with null for "no default".
 */
export function toColumns(rows: ColumnRow[]): ColumnInfo[] {
  return rows.map((r) => ({
    name: r.name,
    type: r.type,
    nullable: r.nullable.toUpperCase() === 'YES',
    default: r.defaultValue === null || r.defaultValue === 'NULL' ? null : r.defaultValue,
    key: r.columnKey,
    extra: r.extra,
    comment: r.comment,
  }));
}

/** Rows come ordered by index (PRIMARY first) then position, one per column. */
export function toIndexes(rows: IndexRow[]): IndexInfo[] {
  const byName = new Map<string, IndexInfo>();
  for (const r of rows) {
    let index = byName.get(r.name);
    if (!index) {
      index = {
        name: r.name,
        unique: Number(r.nonUnique) === 0,
        primary: r.name === 'PRIMARY',
        columns: [],
        type: r.type,
      };
      byName.set(r.name, index);
    }
    // An expression part (MySQL 8 functional index) has no column name.
    const column = r.columnName ?? '(expression)';
    index.columns.push(r.subPart === null ? column : `${column}(${r.subPart})`);
  }
  return [...byName.values()];
}

export function toForeignKeys(rows: ForeignKeyRow[]): ForeignKeyInfo[] {
  const byName = new Map<string, ForeignKeyInfo>();
  for (const r of rows) {
    let fk = byName.get(r.name);
    if (!fk) {
      fk = {
        name: r.name,
        columns: [],
        referencedDatabase: r.refDatabase,
        referencedTable: r.refTable,
        referencedColumns: [],
        onUpdate: r.onUpdate,
        onDelete: r.onDelete,
      };
      byName.set(r.name, fk);
    }
    fk.columns.push(r.columnName);
    fk.referencedColumns.push(r.refColumn);
  }
  return [...byName.values()];
}

/** Rows come ordered by table then column position (a Map, as `Users` and `users` may interleave). */
export function toCatalogTables(rows: CatalogRow[]): CatalogTable[] {
  const tables = new Map<string, CatalogTable>();
  for (const r of rows) {
    let table = tables.get(r.tableName);
    if (!table) {
      table = { name: r.tableName, kind: isView(r.tableType) ? 'view' : 'table', columns: [] };
      tables.set(r.tableName, table);
    }
    table.columns.push({ name: r.name, type: r.type });
  }
  return [...tables.values()];
}
