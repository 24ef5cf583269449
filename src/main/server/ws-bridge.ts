import type { WebSocket, WebSocketServer } from 'ws';
import { dispatch, type Handlers } from '../../shared/rpc';
import type { WsRequest, WsServerMessage } from '../../shared/ws-protocol';
import type { EventHub } from '../events';
import { createLogger } from '../../node/logger';

const log = createLogger('server.ws');

function parseRequest(data: string): WsRequest | undefined {
  try {
    const msg = JSON.parse(data) as Partial<WsRequest> | null;
    return typeof msg?.id === 'number' && Number.isSafeInteger(msg.id) ? (msg as WsRequest) : undefined;
  } catch {
    return undefined;
  }
}

function send(socket: WebSocket, message: WsServerMessage): void {
  if (socket.readyState !== socket.OPEN) return;
  try {
    socket.send(JSON.stringify(message));
  } catch (err) {
    // A value JSON cannot hold (a cycle, a BigInt) must fail this answer, not the process.
    log.error('Could not send an answer', { reason: err instanceof Error ? err.message : String(err) });
  }
}

const MALFORMED = {
  name: 'RpcError',
  code: 'INVALID_REQUEST' as const,
  message: 'Malformed message: expected {id, channel, req}',
};

/** Serves the dispatcher over WebSocket messages and forwards pushed events to every open socket. */
export function attachWsBridge(
  wss: WebSocketServer,
  handlers: Handlers,
  events: Pick<EventHub, 'subscribe'>,
): () => void {
  wss.on('error', (err) => log.error('WebSocket server error', { reason: err.message }));
  wss.on('connection', (socket) => {
    // Without a listener, a protocol error (invalid UTF-8, a frame over maxPayload) would be thrown and
    // end the process; ws has already closed the socket with the fitting code (1007, 1009).
    socket.on('error', (err) => log.warn('Closed a socket after a protocol error', { reason: err.message }));
    socket.on('message', (raw, isBinary) => {
      const request = isBinary ? undefined : parseRequest(raw.toString());
      if (!request) return send(socket, { id: -1, envelope: { ok: false, error: MALFORMED } });
      // dispatch never rejects; the catch is for a bug in that promise, which must not end the process.
      dispatch(handlers, request.channel, request.req, { transport: 'ws' })
        .then((envelope) => send(socket, { id: request.id, envelope }))
        .catch((err: unknown) =>
          log.error('Dispatch failed', { reason: err instanceof Error ? err.message : typeof err }),
        );
    });
  });
  return events.subscribe((event, payload) => {
    for (const socket of wss.clients) send(socket, { event, payload });
  });
}
