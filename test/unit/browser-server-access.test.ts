import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadRegistry } from '../../src/main/files/download-registry';
import { PrivateFolders } from '../../src/main/files/private-folders';
import { startBrowserServer, type BrowserServer } from '../../src/main/server/browser-server';
import { SAMPLE_REQUESTS, tempServices } from './support/temp-services';
import { connectWs } from './support/ws-client';

let env: Awaited<ReturnType<typeof tempServices>>;
let server: BrowserServer;
let staticDir: string;
let downloads: DownloadRegistry;
let folders: PrivateFolders;
let now = 1_000_000;

beforeAll(async () => {
  env = await tempServices();
  staticDir = await mkdtemp(join(tmpdir(), 'rdx-static-'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  folders = new PrivateFolders(join(staticDir, 'transfers'));
  downloads = new DownloadRegistry(folders);
  server = await startBrowserServer({
    handlers: env.services.handlers,
    events: env.services.events,
    staticDir,
    downloads,
    now: () => now,
  });
});
afterAll(async () => {
  await server.close();
  await rm(staticDir, { recursive: true, force: true });
  await env.cleanup();
});

const base = (): string => `http://127.0.0.1:${server.port}`;
const origin = (): Record<string, string> => ({ Origin: base() });

/** fetch cannot set Host; a plain request can, as a rebinding browser would send it. */
function statusWithHost(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port: server.port, path: '/', headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

/** What a browser keeps after opening the printed address: the cookie as `name=value`. */
async function visitPrintedAddress(): Promise<{ name: string; value: string }> {
  const page = await fetch(server.url);
  expect(page.status).toBe(200);
  const [name = '', value = ''] = (page.headers.get('set-cookie')?.split(';')[0] ?? '').split('=');
  return { name, value };
}

/** A finished export as the export services leave it: a file in a folder the app made, registered. */
async function exportFile(text: string): Promise<string> {
  const folder = await folders.create();
  const path = folders.fileIn(folder, 'export.csv');
  await writeFile(path, text);
  return `${base()}${downloads.add({ folder, path, fileName: 'users.csv' })}`;
}

describe('browser mode keeps the token away from other local servers', () => {
  it('serves the static bundle without a token or a cookie, and sets none', async () => {
    const page = await fetch(`${base()}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${base()}/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
    // A DNS-rebinding page reaches the port under its own name: the Host header gives it away.
    expect(await statusWithHost(`evil.example:${server.port}`)).toBe(403);
  });

  it('leaves a cookie whose value is not the token, so a server that receives it cannot open the API', async () => {
    const cookie = await visitPrintedAddress();
    expect(cookie.value.length).toBeGreaterThanOrEqual(20);
    expect(cookie.value).not.toBe(server.token);
    // What another server on 127.0.0.1 would do with the cookie the browser sent it.
    const api = (token: string): string => `ws://127.0.0.1:${server.port}/api?token=${token}`;
    await expect(connectWs(api(cookie.value), origin())).rejects.toThrow('HTTP 401');
    await expect(
      connectWs(`ws://127.0.0.1:${server.port}/api`, {
        ...origin(),
        cookie: `${cookie.name}=${cookie.value}`,
      }),
    ).rejects.toThrow('HTTP 401');
    const client = await connectWs(api(server.token), origin());
    expect(await client.call('app.info', SAMPLE_REQUESTS['app.info'])).toMatchObject({ ok: true });
    client.close();
  });

  it('hands a finished export only to the browser that opened the app, once', async () => {
    const cookie = await visitPrintedAddress();
    const url = await exportFile('id,name\n1,a\n');
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { cookie: `${cookie.name}=${server.token}` } })).status).toBe(401);
    const got = await fetch(url, { headers: { cookie: `${cookie.name}=${cookie.value}` } });
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('id,name\n1,a\n');
    expect((await fetch(url, { headers: { cookie: `${cookie.name}=${cookie.value}` } })).status).toBe(404);
  });
});

describe('the launch address given to the system browser', () => {
  it('carries a one-time code instead of the token, and opens the app once', async () => {
    const launch = server.launchUrl();
    expect(launch).not.toContain(server.token);
    expect(launch).toMatch(new RegExp(`^${base()}/\\?launch=[\\w-]{20,}$`));
    const first = await fetch(launch, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/?token=${server.token}`);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const second = await fetch(launch, { redirect: 'manual' });
    expect(second.status).toBe(410);
    expect(await second.text()).toMatch(/already used or expired/);
  });

  it('refuses a code nobody issued, and a code left unused for two minutes', async () => {
    expect((await fetch(`${base()}/?launch=made-up-code-0000000000`, { redirect: 'manual' })).status).toBe(
      410,
    );
    const launch = server.launchUrl();
    now += 2 * 60_000 + 1;
    expect((await fetch(launch, { redirect: 'manual' })).status).toBe(410);
  });
});
