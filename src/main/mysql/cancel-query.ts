import type { Connection } from 'mysql2';

/**
 * Stops the statement running on connection `threadId` with KILL QUERY sent over a side connection
 * opened with the same credentials (the busy connection cannot take another command). The connection
 * itself stays open.
 */
export async function killQuery(connect: () => Promise<Connection>, threadId: number): Promise<void> {
  const side = await connect();
  try {
    await side.promise().query(`KILL QUERY ${Math.trunc(threadId)}`);
  } finally {
    await side
      .promise()
      .end()
      .catch(() => side.destroy());
  }
}
