import mysql, { type Connection } from 'mysql2';
import type { ProfileFields } from '../../shared/models/profile';
import { openSshTunnel, type OpenTunnel } from '../connect/ssh-tunnel';
import { connectionOptions, type DbLogin } from './connection-options';
import { mapMysqlError } from './map-error';

/**
 * Opens one connection, or rejects with a coded error (unreachable, auth, unknown database, TLS, SSH).
 * With a bastion, mysql2 talks over the SSH channel; the SSH connection ends with the MySQL one.
 */
export async function openConnection(fields: ProfileFields, login: DbLogin): Promise<Connection> {
  const tunnel = fields.ssh
    ? await openSshTunnel(fields.ssh, login.sshPassphrase, { host: fields.host, port: fields.port })
    : undefined;
  return new Promise((resolve, reject) => {
    const options = connectionOptions(fields, login);
    const conn = mysql.createConnection(tunnel ? { ...options, stream: tunnel.stream } : options);
    if (tunnel) closeWith(conn, tunnel);
    const onError = (err: unknown): void => {
      conn.destroy();
      tunnel?.close();
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

// `end()` and `destroy()` close the channel (and so the SSH client); a server-side drop emits `end`.
function closeWith(conn: Connection, tunnel: OpenTunnel): void {
  conn.once('end', () => tunnel.close());
}

/** The server's own version string, e.g. `10.11.19-MariaDB-0+deb12u1-log`. */
export async function serverVersion(conn: Connection): Promise<string> {
  const [rows] = await conn.promise().query({ sql: 'SELECT VERSION()', rowsAsArray: true });
  const first = (rows as unknown[][])[0];
  return String(first?.[0] ?? 'unknown');
}
