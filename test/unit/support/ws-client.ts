import WebSocket from 'ws';
import type { Envelope } from '../../../src/shared/rpc';
import type { WsServerMessage } from '../../../src/shared/ws-protocol';

export interface TestWsClient {
  call(channel: string, req: unknown): Promise<Envelope>;
  sendRaw(data: string): Promise<WsServerMessage>;
  events: WsServerMessage[];
  close(): void;
}

/** A bare WebSocket client speaking the bridge protocol, as the renderer does. */
export function connectWs(url: string, headers: Record<string, string> = {}): Promise<TestWsClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    const pending = new Map<number, (m: WsServerMessage) => void>();
    const events: WsServerMessage[] = [];
    let nextId = 1;
    socket.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as WsServerMessage;
      if ('id' in msg) {
        pending.get(msg.id)?.(msg);
        pending.delete(msg.id);
      } else events.push(msg);
    });
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        events,
        call(channel, req) {
          const id = nextId++;
          return new Promise((done) => {
            pending.set(id, (m) => done((m as { envelope: Envelope }).envelope));
            socket.send(JSON.stringify({ id, channel, req }));
          });
        },
        sendRaw(data) {
          return new Promise((done) => {
            pending.set(-1, done);
            socket.send(data);
          });
        },
        close: () => socket.close(),
      }),
    );
  });
}
