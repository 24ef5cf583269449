import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface BrowserModeApp {
  url: string;
  stop(): void;
}

/** Runs the built app in browser mode as `npm run serve` does, on a free port and the given data dir. */
export function startBrowserMode(dataDir: string): Promise<BrowserModeApp> {
  const app = spawn(process.execPath, ['out/main/serve.js', '--port', '0', '--no-open'], {
    env: { ...process.env, RDX_DATA_DIR: dataDir, RDX_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: app.stdout }).on('line', (line) => {
      const match = /^Browser mode: (http:\/\/\S+)$/.exec(line);
      if (match?.[1]) resolve({ url: match[1], stop: () => app.kill('SIGTERM') });
    });
    app.once('exit', (code) => reject(new Error(`browser mode exited with ${code} before printing its URL`)));
  });
}
