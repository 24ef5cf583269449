import type { Connection } from 'mysql2';
import type { ProfileFields } from '../../shared/models/profile';
import type { ProfileConnector } from '../connect/profile-connector';
import { mapMysqlError } from './map-error';

export type { ProfileConnector };

/**
 * Table editing, EXPLAIN, export and import each use a short-lived connection of their own, so a tab's
 * open transaction or running statement is never mixed into them (and they never block the tab).
 * The session is forced to backslash escapes being on, as the generated SQL assumes.
 */
export async function withProfileConnection<T>(
  connector: ProfileConnector,
  profileId: string,
  fn: (conn: Connection, fields: ProfileFields) => Promise<T>,
): Promise<T> {
  const { conn, fields } = await connector.connect(profileId);
  try {
    await conn.promise().query("SET SESSION sql_mode = REPLACE(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '')");
    if (fields.readOnly) await conn.promise().query('SET SESSION TRANSACTION READ ONLY');
    return await fn(conn, fields);
  } catch (err) {
    throw mapMysqlError(err, fields);
  } finally {
    conn.destroy();
  }
}
