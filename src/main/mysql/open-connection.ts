import mysql, { type Connection } from 'mysql2';
import type { ProfileFields } from '../../shared/models/profile';
import { connectionOptions, type DbLogin } from './connection-options';
import { mapMysqlError } from './map-error';

/** Opens one connection, or rejects with a coded error (unreachable, auth, unknown database, TLS). */
export function openConnection(fields: ProfileFields, login: DbLogin): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const conn = mysql.createConnection(connectionOptions(fields, login));
    const onError = (err: unknown): void => {
      conn.destroy();
      reject(mapMysqlError(err, fields));
    };
    conn.once('error', onError);
    conn.connect((err) => {
      if (err) return onError(err);
      conn.removeListener('error', onError);
      resolve(conn);
    });
  });
}

/** The server's own version string, e.g. `10.11.19-MariaDB-0+deb12u1-log`. */
export async function serverVersion(conn: Connection): Promise<string> {
  const [rows] = await conn.promise().query({ sql: 'SELECT VERSION()', rowsAsArray: true });
  const first = (rows as unknown[][])[0];
  return String(first?.[0] ?? 'unknown');
}
