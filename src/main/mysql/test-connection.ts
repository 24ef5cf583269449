import type { ProfileFields } from '../../shared/models/profile';
import type { ConnectionTestResult } from '../../shared/models/sql';
import { mapMysqlError } from './map-error';
import { openConnection, serverVersion } from './open-connection';

/** Connects once, asks the version, disconnects; the error says why when it cannot. */
export async function testConnection(
  fields: ProfileFields,
  password: string | undefined,
): Promise<ConnectionTestResult> {
  const started = performance.now();
  const conn = await openConnection(fields, password);
  try {
    const version = await serverVersion(conn);
    return { serverVersion: version, latencyMs: Math.round(performance.now() - started), tls: fields.tls };
  } catch (err) {
    throw mapMysqlError(err, fields);
  } finally {
    conn.destroy();
  }
}
