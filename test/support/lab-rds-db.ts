import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';

/** The master login every test instance is created with. */
export const MASTER = 'admin';
export const PASSWORD = 'Lab-pass-1234';

/** A MySQL-protocol connection to an instance's endpoint, as an application makes it. */
export function connect(port: number | undefined, password = PASSWORD, user = MASTER): Promise<Connection> {
  return createConnection({ host: '127.0.0.1', port, user, password, connectTimeout: 5000 });
}

export async function withDb<T>(
  port: number | undefined,
  use: (c: Connection) => Promise<T>,
  password = PASSWORD,
): Promise<T> {
  const connection = await connect(port, password);
  try {
    return await use(connection);
  } finally {
    await connection.end().catch(() => connection.destroy());
  }
}

/** The `demo.users` table the seeded instances carry, and its rows as `names` reads them. */
export const USERS_SQL = {
  create: 'CREATE TABLE demo.users (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100))',
  seed: "INSERT INTO demo.users (name) VALUES ('Monowar'), ('CloudUser')",
  names: 'SELECT name FROM demo.users ORDER BY id',
} as const;

export async function names(port: number | undefined): Promise<string[]> {
  return withDb(port, async (c) => {
    const [rows] = await c.query<RowDataPacket[]>(USERS_SQL.names);
    return rows.map((row) => String(row.name));
  });
}

export async function serverId(connection: Connection): Promise<number> {
  const [rows] = await connection.query<RowDataPacket[]>('SELECT @@server_id AS id');
  return Number(rows[0]?.id);
}
