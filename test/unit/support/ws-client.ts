import WebSocket from 'ws';
import type { Envelope } from '../../../src/shared/rpc';
import type { WsServerMessage } from '../../../src/shared/ws-protocol';

export interface TestWsClient {
  call(channel: string, req: unknown): Promise<Envelope>;
  sendRaw(data: string): Promise<WsServerMessage>;
  /** Sends bytes as one frame as they are, `binary: false` marks them as text whatever they hold. */
  sendFrame(data: Buffer, opts: { binary: boolean }): void;
  /** The close code once the socket has closed (1006 when the connection dropped without one). */
  closed: Promise<number>;
  events: WsServerMessage[];
  close(): void;
}

/**
 * A bare WebSocket client speaking the bridge protocol, as the renderer does. A call pending when the
 * socket closes fails, so a server that died shows as a failed call rather than a hung test.
 */
export function connectWs(url: string, headers: Record<string, string> = {}): Promise<TestWsClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    const pending = new Map<number, { done: (m: WsServerMessage) => void; fail: (e: Error) => void }>();
    const events: WsServerMessage[] = [];
    let nextId = 1;
    const closed = new Promise<number>((done) =>
      socket.once('close', (code) => {
        for (const p of pending.values()) p.fail(new Error(`socket closed (${code}) before the answer`));
        pending.clear();
        done(code);
      }),
    );
    socket.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as WsServerMessage;
      if ('id' in msg) {
        pending.get(msg.id)?.done(msg);
        pending.delete(msg.id);
      } else events.push(msg);
    });
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    // After opening, errors end in 'close' (and fail what is pending); before, they refuse the connect.
    socket.on('error', reject);
    socket.once('open', () =>
      resolve({
        events,
        closed,
        call(channel, req) {
          const id = nextId++;
          return new Promise((done, fail) => {
            pending.set(id, { done: (m) => done((m as { envelope: Envelope }).envelope), fail });
            socket.send(JSON.stringify({ id, channel, req }));
          });
        },
        sendRaw(data) {
          return new Promise((done, fail) => {
            pending.set(-1, { done, fail });
            socket.send(data);
          });
        },
        sendFrame: (data, opts) => socket.send(data, opts),
        close: () => socket.close(),
      }),
    );
  });
}
