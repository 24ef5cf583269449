import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../node/data-dir';
import { createLogger } from '../node/logger';
import { createMemorySecretStore } from './profiles/secret-store';
import { startBrowserServer } from './server/browser-server';
import { parseServeArgs } from './server/cli-args';
import { openBrowser } from './server/open-browser';
import { keepServingOnFailures } from './server/process-guards';
import { createServices, labPortFromEnv } from './services';

const log = createLogger('serve');

/** Browser mode entry, run by plain Node: `node out/main/serve.js [--port N] [--no-open]`. */
async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2));
  const here = dirname(fileURLToPath(import.meta.url));
  const services = createServices({
    mode: 'browser',
    version: readVersion(join(here, '../../package.json')),
    dataDir: resolveDataDir(),
    // Without the OS keychain of Electron, passwords are never written to disk here.
    secrets: createMemorySecretStore(),
    labPort: labPortFromEnv(),
  });
  const server = await startBrowserServer({
    handlers: services.handlers,
    events: services.events,
    staticDir: join(here, '../renderer'),
    host: args.host,
    port: args.port,
    unsafeListen: args.unsafeListen,
    downloads: services.downloads,
  });
  keepServingOnFailures(process, log);
  // The printed address carries the token (stdout is the user's own); the one given to the system
  // browser lands on a command line other users can read, so it carries a one-time code instead.
  process.stdout.write(`Browser mode: ${server.url}\n`);
  if (args.open) openBrowser(server.launchUrl());
  void services.autoStartLab();

  const stop = async (): Promise<void> => {
    await Promise.allSettled([server.close(), services.dispose()]);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function readVersion(packageJson: string): string {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

main().catch((err: unknown) => {
  log.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
