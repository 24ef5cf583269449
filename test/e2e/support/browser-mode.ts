import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface BrowserModeApp {
  url: string;
  /** Stops the app (and its lab, if it runs one) and waits until it has exited. */
  stop(): Promise<void>;
}

/** Runs the built app in browser mode as `npm run serve` does, on a free port and the given data dir. */
export function startBrowserMode(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<BrowserModeApp> {
  const app = spawn(process.execPath, ['out/main/serve.js', '--port', '0', '--no-open'], {
    // The lab stays off unless a test asks for it: it would start MariaDB instances behind the test's back.
    env: { ...process.env, RDX_DATA_DIR: dataDir, RDX_LOG: 'silent', RDX_LAB: 'off', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => app.once('exit', () => resolve()));
  const stopChild = async (): Promise<void> => {
    if (app.exitCode === null && app.signalCode === null) app.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    createInterface({ input: app.stdout }).on('line', (line) => {
      const match = /^Browser mode: (http:\/\/\S+)$/.exec(line);
      if (match?.[1]) resolve({ url: match[1], stop: () => stopChild() });
    });
    app.once('exit', (code) => reject(new Error(`browser mode exited with ${code} before printing its URL`)));
  });
}
