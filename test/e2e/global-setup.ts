import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness } from '../support/harness';
import { startBrowserMode } from './support/browser-mode';

/**
 * Starts a real MariaDB and the app in browser mode (`node out/main/serve.js`, as `npm run serve`
 * does) on a fresh data directory; the specs read where to find them from the environment.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const harness = await startHarness({ mariadb: true, dynamodb: false });
  const dataDir = await mkdtemp(join(tmpdir(), 'rdx-e2e-data-'));
  const app = await startBrowserMode(dataDir);
  const primary = harness.mariadb!.primary;
  process.env.E2E_APP_URL = app.url;
  process.env.E2E_DB_HOST = primary.host;
  process.env.E2E_DB_PORT = String(primary.port);
  process.env.E2E_DB_USER = primary.user;
  process.env.E2E_DB_PASSWORD = primary.password;
  // Its GTID replica, for the specs that check replication from a connection.
  const replica = harness.mariadb!.replica;
  process.env.E2E_REPLICA_HOST = replica.host;
  process.env.E2E_REPLICA_PORT = String(replica.port);
  process.env.E2E_REPLICA_USER = replica.user;
  process.env.E2E_REPLICA_PASSWORD = replica.password;
  return async () => {
    await app.stop();
    await harness.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
