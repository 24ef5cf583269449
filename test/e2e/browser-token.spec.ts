import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { connectWs } from '../unit/support/ws-client';
import { AppPage } from './pages/app-page';
import { e2eEnv as env } from './support/harness-db';

/** Another web server on 127.0.0.1 (any local program may run one) that keeps the cookies it is sent. */
async function cookieCatcher(): Promise<{ port: number; cookies: string[]; close(): Promise<void> }> {
  const cookies: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    if (req.headers.cookie) cookies.push(req.headers.cookie);
    res.end('<!doctype html><title>another local site</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, cookies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('another local server gets no cookie that opens the API', async ({ page }) => {
  const appUrl = new URL(env('E2E_APP_URL'));
  const token = appUrl.searchParams.get('token') ?? '';
  const app = new AppPage(page);
  await app.goto(appUrl.href);
  await expect(app.modeBadge).toHaveText(/browser mode/i);

  const catcher = await cookieCatcher();
  try {
    // The browser sends 127.0.0.1 cookies to every port of 127.0.0.1, whatever path they were set for.
    for (const path of ['/', '/download/x']) await page.goto(`http://127.0.0.1:${catcher.port}${path}`);
    const values = catcher.cookies.flatMap((header) =>
      header.split(';').map((c) => c.trim().split('=')[1] ?? ''),
    );
    expect(values.length).toBeGreaterThan(0);
    expect(values).not.toContain(token);
    for (const value of values) {
      await expect(
        connectWs(`ws://${appUrl.host}/api?token=${encodeURIComponent(value)}`, { Origin: appUrl.origin }),
      ).rejects.toThrow('HTTP 401');
    }
  } finally {
    await catcher.close();
  }
});
