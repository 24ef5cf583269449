import type { Connection, FieldPacket } from 'mysql2';
import { AppError } from '../../shared/errors';
import type { DdlKind } from '../../shared/models/schema';
import { qualifiedName } from '../../shared/sql/quote-identifier';

/** The SHOW CREATE statement per kind, and the column of its answer that holds the DDL. */
const SHOW: Record<DdlKind, { keyword: string; column: string }> = {
  table: { keyword: 'TABLE', column: 'Create Table' },
  view: { keyword: 'VIEW', column: 'Create View' },
  procedure: { keyword: 'PROCEDURE', column: 'Create Procedure' },
  function: { keyword: 'FUNCTION', column: 'Create Function' },
  trigger: { keyword: 'TRIGGER', column: 'SQL Original Statement' },
};

/**
 * The object's CREATE statement. SHOW takes no parameters, so the names are backtick-quoted (the
 * only escaping an identifier needs). A routine's body is NULL without the privilege to read it.
 */
export async function readDdl(
  conn: Connection,
  database: string,
  name: string,
  kind: DdlKind,
): Promise<string> {
  const { keyword, column } = SHOW[kind];
  const sql = `SHOW CREATE ${keyword} ${qualifiedName(database, name)}`;
  const [rows, fields] = await conn.promise().query({ sql, rowsAsArray: true });
  const row = (rows as unknown[][])[0];
  // SHOW CREATE TABLE answers a view with `Create View`; look the column up by name.
  const at = (fields as FieldPacket[]).findIndex((f) => f.name === column || f.name === 'Create View');
  const ddl = row && at >= 0 ? row[at] : undefined;
  if (ddl === undefined) throw new AppError('NOT_FOUND', `There is no ${kind} ${database}.${name}.`);
  if (ddl === null) {
    throw new AppError(
      'ACCESS_DENIED',
      `The server hides the definition of ${database}.${name}: this user lacks the privilege to read it.`,
    );
  }
  return String(ddl);
}
