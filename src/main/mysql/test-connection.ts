import type { Connection } from 'mysql2';
import type { ProfileFields } from '../../shared/models/profile';
import type { ConnectionTestResult } from '../../shared/models/sql';
import { usesTls } from './connection-options';
import { mapMysqlError } from './map-error';
import { serverVersion } from './open-connection';

/** Connects once (through `connect`, which reads the credential source), asks the version, disconnects. */
export async function testConnection(
  fields: ProfileFields,
  connect: () => Promise<Connection>,
): Promise<ConnectionTestResult> {
  const started = performance.now();
  const conn = await connect();
  try {
    const version = await serverVersion(conn);
    return {
      serverVersion: version,
      latencyMs: Math.round(performance.now() - started),
      tls: usesTls(fields),
    };
  } catch (err) {
    throw mapMysqlError(err, fields);
  } finally {
    conn.destroy();
  }
}
