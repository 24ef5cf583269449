import { createConnection, type Connection } from 'mysql2/promise';

export interface SocketLogin {
  user: string;
  password?: string;
}

/**
 * An administrative connection through the server's unix socket. An error event with no listener
 * would crash the process (a server killed while a connection is idle), so one is always attached;
 * the next query on a broken connection fails and says why.
 */
export async function connectSocket(
  socketPath: string,
  login: SocketLogin,
  timeoutMs = 5000,
): Promise<Connection> {
  const connection = await createConnection({
    socketPath,
    user: login.user,
    password: login.password,
    connectTimeout: timeoutMs,
  });
  connection.on('error', () => undefined);
  return connection;
}

/** Runs `use` on the connection and always closes it afterwards. */
export async function withConnection<T>(
  pending: Promise<Connection>,
  use: (connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = await pending;
  try {
    return await use(connection);
  } finally {
    await connection.end().catch(() => connection.destroy());
  }
}
