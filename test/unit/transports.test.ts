import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindIpc, type IpcRegistrar } from '../../src/main/ipc';
import { startBrowserServer, type BrowserServer } from '../../src/main/server/browser-server';
import { CHANNELS } from '../../src/shared/contract';
import type { Envelope } from '../../src/shared/rpc';
import { SAMPLE_REQUESTS, tempServices } from './support/temp-services';
import { connectWs } from './support/ws-client';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpcMain(): IpcRegistrar & { listeners: Map<string, Listener> } {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle: (channel, listener) => void listeners.set(channel, listener as Listener),
    removeHandler: (channel) => void listeners.delete(channel),
  };
}

const trusted = { senderFrame: { url: 'file:///app/index.html' } } as unknown as IpcMainInvokeEvent;

let env: Awaited<ReturnType<typeof tempServices>>;
beforeAll(async () => {
  env = await tempServices();
});
afterAll(async () => {
  await env.cleanup();
});

describe('contract', () => {
  it('has a handler for every listed channel and nothing else', () => {
    expect(Object.keys(env.services.handlers).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(SAMPLE_REQUESTS).sort()).toEqual([...CHANNELS].sort());
  });
});

describe('Electron IPC transport (fake ipcMain)', () => {
  it('registers every channel and reaches its handler', async () => {
    const ipc = fakeIpcMain();
    bindIpc(ipc, env.services.handlers, () => true);
    expect([...ipc.listeners.keys()].sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      const envelope = (await ipc.listeners.get(channel)?.(trusted, SAMPLE_REQUESTS[channel])) as Envelope;
      // Each handler ran: success, or a domain error, never a validation or routing failure.
      if (!envelope.ok) expect(['NOT_FOUND', 'UNREACHABLE']).toContain(envelope.error.code);
    }
  });

  it('refuses calls from an untrusted sender', async () => {
    const ipc = fakeIpcMain();
    bindIpc(ipc, env.services.handlers, () => false);
    const envelope = (await ipc.listeners.get('app.info')?.(trusted, {})) as Envelope;
    expect(envelope).toMatchObject({ ok: false, error: { message: 'Untrusted sender' } });
  });

  it('answers a malformed request with an error envelope', async () => {
    const ipc = fakeIpcMain();
    bindIpc(ipc, env.services.handlers, () => true);
    const envelope = (await ipc.listeners.get('profiles.delete')?.(trusted, { id: 12 })) as Envelope;
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});

describe('WebSocket bridge (browser mode)', () => {
  let server: BrowserServer;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = await mkdtemp(join(tmpdir(), 'rdx-static-'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
    server = await startBrowserServer({
      handlers: env.services.handlers,
      events: env.services.events,
      staticDir,
    });
  });
  afterAll(async () => {
    await server.close();
    await rm(staticDir, { recursive: true, force: true });
  });
  const wsUrl = (token = server.token): string => `ws://127.0.0.1:${server.port}/api?token=${token}`;
  const origin = (): Record<string, string> => ({ Origin: `http://127.0.0.1:${server.port}` });

  it('prints a loopback URL with a random token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[\\w-]{20,}$`));
  });

  it('reaches every channel over a real socket', async () => {
    const client = await connectWs(wsUrl(), origin());
    for (const channel of CHANNELS) {
      const envelope = await client.call(channel, SAMPLE_REQUESTS[channel]);
      if (!envelope.ok) expect(['NOT_FOUND', 'UNREACHABLE']).toContain(envelope.error.code);
    }
    expect(await client.call('app.info', {})).toMatchObject({
      ok: true,
      value: { mode: 'browser', secretStorage: 'memory' },
    });
    client.close();
  });

  it('answers an unknown channel, a malformed request and a non-JSON message without dropping the socket', async () => {
    const client = await connectWs(wsUrl(), origin());
    expect(await client.call('shell.exec', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await client.call('sql.run', { sessionId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await client.sendRaw('{not json')).toMatchObject({
      id: -1,
      envelope: { ok: false, error: { code: 'INVALID_REQUEST' } },
    });
    expect(await client.call('profiles.list', {})).toMatchObject({ ok: true });
    client.close();
  });

  it('refuses a socket without the token or with a wrong one (401)', async () => {
    await expect(connectWs(`ws://127.0.0.1:${server.port}/api`, origin())).rejects.toThrow('HTTP 401');
    await expect(connectWs(wsUrl('wrong'), origin())).rejects.toThrow('HTTP 401');
  });

  it('refuses a foreign Origin or Host (403)', async () => {
    await expect(connectWs(wsUrl(), { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(connectWs(wsUrl(), { Host: `evil.example:${server.port}` })).rejects.toThrow('HTTP 403');
  });
});

describe('browser server binding', () => {
  it('refuses to listen beyond loopback without --unsafe-listen', async () => {
    await expect(
      startBrowserServer({
        handlers: env.services.handlers,
        events: env.services.events,
        staticDir: '/tmp',
        host: '0.0.0.0',
      }),
    ).rejects.toThrow(/only loopback/);
  });
});
