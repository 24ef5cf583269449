import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

interface Started {
  lines: string[];
  url: string;
  stop(): void;
}

/** Runs `npm start`'s script until it prints the browser-mode line. */
function runStart(args: string[], env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    // A throwaway data dir, and no lab: this test is about the launcher, not the lab.
    env: {
      ...process.env,
      RDX_LOG: 'silent',
      RDX_LAB: 'off',
      RDX_DATA_DIR: join(tmpdir(), `rdx-start-${process.pid}`),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  return new Promise<Started>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no browser-mode line: ${lines.join(' | ')}`)), 60_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const match = /^Browser mode: (http:\/\/\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ lines, url: match[1], stop: () => child.kill('SIGTERM') });
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${lines.join(' | ')}`)));
  }).catch((err: unknown) => {
    child.kill('SIGTERM');
    throw err;
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('npm start / npm run serve', () => {
  it('falls back to browser mode with a one-line reason when Electron cannot start', async () => {
    const started = await runStart(['--no-open'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', DISPLAY: '' });
    const reasons = started.lines.filter((l) => l.startsWith('Electron cannot start:'));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/Starting browser mode instead\.$/);
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    try {
      expect((await fetch(started.url)).status).toBe(200);
    } finally {
      started.stop();
    }
  }, 90_000);

  it('serves browser mode on purpose on the port asked for', async () => {
    const port = await freePort();
    const started = await runStart(['--browser', '--port', String(port), '--no-open'], {});
    expect(started.lines.some((l) => l.startsWith('Electron cannot start'))).toBe(false);
    started.stop();
    expect(started.url.startsWith(`http://127.0.0.1:${port}/?token=`)).toBe(true);
  }, 90_000);
});
