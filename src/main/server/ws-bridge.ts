import type { WebSocket, WebSocketServer } from 'ws';
import { dispatch, type Handlers } from '../../shared/rpc';
import type { WsRequest, WsServerMessage } from '../../shared/ws-protocol';
import type { EventHub } from '../events';

function parseRequest(data: string): WsRequest | undefined {
  try {
    const msg = JSON.parse(data) as Partial<WsRequest>;
    return typeof msg.id === 'number' && Number.isSafeInteger(msg.id) ? (msg as WsRequest) : undefined;
  } catch {
    return undefined;
  }
}

function send(socket: WebSocket, message: WsServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/** Serves the dispatcher over WebSocket messages and forwards pushed events to every open socket. */
export function attachWsBridge(
  wss: WebSocketServer,
  handlers: Handlers,
  events: Pick<EventHub, 'subscribe'>,
): () => void {
  wss.on('connection', (socket) => {
    socket.on('message', (raw, isBinary) => {
      const request = isBinary ? undefined : parseRequest(raw.toString());
      if (!request) {
        const error = {
          name: 'RpcError',
          code: 'INVALID_REQUEST' as const,
          message: 'Malformed message: expected {id, channel, req}',
        };
        return send(socket, { id: -1, envelope: { ok: false, error } });
      }
      void dispatch(handlers, request.channel, request.req, { transport: 'ws' }).then((envelope) =>
        send(socket, { id: request.id, envelope }),
      );
    });
  });
  return events.subscribe((event, payload) => {
    for (const socket of wss.clients) send(socket, { event, payload });
  });
}
