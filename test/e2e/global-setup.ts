import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startHarness } from '../support/harness';

/**
 * Starts a real MariaDB and the app in browser mode (`node out/main/serve.js`, as `npm run serve`
 * does) on a fresh data directory; the specs read where to find them from the environment.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const harness = await startHarness({ mariadb: true, dynamodb: false });
  const dataDir = await mkdtemp(join(tmpdir(), 'rdx-e2e-data-'));
  const app = spawn(process.execPath, ['out/main/serve.js', '--port', '0', '--no-open'], {
    env: { ...process.env, RDX_DATA_DIR: dataDir, RDX_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: app.stdout });
    lines.on('line', (line) => {
      const match = /^Browser mode: (http:\/\/\S+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    app.once('exit', (code) => reject(new Error(`browser mode exited with ${code} before printing its URL`)));
  });
  const primary = harness.mariadb!.primary;
  process.env.E2E_APP_URL = url;
  process.env.E2E_DB_HOST = primary.host;
  process.env.E2E_DB_PORT = String(primary.port);
  process.env.E2E_DB_USER = primary.user;
  process.env.E2E_DB_PASSWORD = primary.password;
  return async () => {
    app.kill('SIGTERM');
    await harness.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
