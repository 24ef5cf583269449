import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../src/shared/ws-protocol';
import { startBrowserMode, type BrowserModeApp } from '../e2e/support/browser-mode';
import { connectWs, type TestWsClient } from '../unit/support/ws-client';

// Browser mode as `npm run serve` runs it, in its own process (a fresh one per test, so each message
// is shown to be harmless on its own): a message that kills it shows as a refused connection after.
let dataDir: string;
let app: BrowserModeApp;
let port: number;
let token: string;

beforeEach(async () => {
  if (!existsSync('out/main/serve.js'))
    throw new Error('out/main/serve.js is missing: run `npm run build` first');
  dataDir = await mkdtemp(join(tmpdir(), 'rdx-bridge-'));
  app = await startBrowserMode(dataDir);
  const url = new URL(app.url);
  port = Number(url.port);
  token = url.searchParams.get('token') ?? '';
}, 60_000);

afterEach(async () => {
  await app.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function connect(): Promise<TestWsClient> {
  return connectWs(`ws://127.0.0.1:${port}/api?token=${token}`, { Origin: `http://127.0.0.1:${port}` });
}

/** A fresh socket with the token gets an answer: the process and the bridge are still up. */
async function expectStillServing(): Promise<void> {
  const client = await connect();
  expect(await client.call('app.info', {})).toMatchObject({ ok: true, value: { mode: 'browser' } });
  client.close();
}

function nestedList(depth: number): unknown {
  let value: unknown = { S: 'leaf' };
  for (let i = 0; i < depth; i++) value = { L: [value] };
  return value;
}

describe('browser mode outlives hostile or oversized messages', () => {
  it('closes a socket that sends a text frame of invalid UTF-8 (1007) and keeps serving', async () => {
    const client = await connect();
    client.sendFrame(Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xff]), { binary: false });
    expect(await client.closed).toBe(1007);
    await expectStillServing();
  });

  it('answers a request nested 1000 deep with a validation error and keeps serving', async () => {
    const client = await connect();
    const item = { id: { S: '1' }, deep: nestedList(1000) };
    const req = {
      profile: 'rdx-missing',
      region: 'us-east-1',
      table: 'T',
      item,
      expected: null,
      keyNames: ['id'],
    };
    const envelope = await client.call('dynamo.putItem', req);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(!envelope.ok && envelope.error.message).toMatch(/nested more than 100 levels deep/);
    expect(await client.call('app.info', {})).toMatchObject({ ok: true });
    client.close();
    await expectStillServing();
  });

  it('takes a 48 MB CSV import whose JSON frame is larger than the file, and answers it', async () => {
    // Quoted fields: JSON escapes each quote and line break, so 48 MB of text become a 78 MB frame.
    const line = '"a","b"\n';
    const text = line.repeat((48 * 1024 * 1024) / line.length);
    const req = { profileId: 'missing', database: 'demo', table: 't', text, header: false, delimiter: ',' };
    expect(Buffer.byteLength(JSON.stringify(req))).toBeGreaterThan(64 * 1024 * 1024);
    const client = await connect();
    // The request reached its handler: an unknown profile, not a dead socket.
    expect(await client.call('sql.importPreview', req)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    client.close();
  });

  it('closes a socket whose frame is over the limit (1009) and keeps serving', async () => {
    const client = await connect();
    client.sendFrame(Buffer.alloc(MAX_REQUEST_BYTES + 1, 0x20), { binary: false });
    expect(await client.closed).toBe(1009);
    await expectStillServing();
  });
});
