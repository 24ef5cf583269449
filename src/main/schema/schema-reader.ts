import type { Connection, RowDataPacket } from 'mysql2';
import { AppError } from '../../shared/errors';
import type { SchemaCatalog, SchemaDatabase, SchemaObjects, TableDetail } from '../../shared/models/schema';
import * as map from './schema-mappers';
import * as q from './schema-queries';

/** Runs one parameterised metadata query and types its rows. */
async function rows<T>(conn: Connection, sql: string, params: string[] = []): Promise<T[]> {
  const [result] = await conn.promise().query<RowDataPacket[]>(sql, params);
  return result as unknown as T[];
}

export async function readDatabases(conn: Connection): Promise<SchemaDatabase[]> {
  return map.toDatabases(await rows<q.DatabaseRow>(conn, q.DATABASES_SQL));
}

export async function readObjects(conn: Connection, database: string): Promise<SchemaObjects> {
  // One after the other: a connection runs one query at a time anyway.
  const tables = await rows<q.TableRow>(conn, q.TABLES_SQL, [database]);
  const routines = await rows<q.RoutineRow>(conn, q.ROUTINES_SQL, [database]);
  const triggers = await rows<q.TriggerRow>(conn, q.TRIGGERS_SQL, [database]);
  return {
    database,
    tables: map.toTables(tables),
    views: map.toViews(tables),
    routines: map.toRoutines(routines),
    triggers: map.toTriggers(triggers),
  };
}

export async function readTable(conn: Connection, database: string, table: string): Promise<TableDetail> {
  const kind = await rows<{ type: string }>(conn, q.TABLE_KIND_SQL, [database, table]);
  const first = kind[0];
  if (!first) throw new AppError('NOT_FOUND', `There is no table ${database}.${table}.`);
  const params = [database, table];
  const columns = await rows<q.ColumnRow>(conn, q.COLUMNS_SQL, params);
  const indexes = await rows<q.IndexRow>(conn, q.INDEXES_SQL, params);
  const foreignKeys = await rows<q.ForeignKeyRow>(conn, q.FOREIGN_KEYS_SQL, params);
  const triggers = await rows<q.TriggerRow>(conn, q.TABLE_TRIGGERS_SQL, params);
  return {
    database,
    name: table,
    kind: map.isView(first.type) ? 'view' : 'table',
    columns: map.toColumns(columns),
    indexes: map.toIndexes(indexes),
    foreignKeys: map.toForeignKeys(foreignKeys),
    triggers: map.toTriggers(triggers),
  };
}

export async function readCatalog(conn: Connection, database: string): Promise<SchemaCatalog> {
  return { database, tables: map.toCatalogTables(await rows<q.CatalogRow>(conn, q.CATALOG_SQL, [database])) };
}
