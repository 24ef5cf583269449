import { isEvent, type EventName } from '@shared/channels';
import type { Envelope } from '@shared/rpc';
import { WS_PATH, type WsRequest, type WsServerMessage } from '@shared/ws-protocol';
import { tooLargeToSend } from './request-size';
import { connectionLost, type Transport, type TransportStatus } from './transport';

/** Delays between reconnect attempts; the last one repeats until the app answers again. */
const BACKOFF_MS = [250, 500, 1_000, 2_000, 4_000, 8_000];

const REFUSED_MESSAGE = 'Not connected to the app: open the URL printed by `npm start`.';
const LOST_MESSAGE = 'The connection to the app was lost before it answered. Try again.';
const RECONNECTING_MESSAGE = 'Not connected to the app right now; reconnecting…';
const TOO_BIG_MESSAGE = 'The app closed the connection: a request was larger than it takes at once.';
/** The close code the server sends for a frame over its limit (RFC 6455 "message too big"). */
const CLOSE_TOO_BIG = 1009;

/**
 * Browser mode: one WebSocket to the local server. `url` is null when there is no token to send.
 * A socket that closes before it ever opened was refused (the server answers a bad token with 401),
 * since the same server just served this page; a socket that drops after working is retried.
 */
export function createWsTransport(url: string | null, onRefused: () => void): Transport {
  let status: TransportStatus = url ? 'connecting' : 'refused';
  let everOpened = false;
  let attempt = 0;
  let nextId = 1;
  let socket: WebSocket | null = null;
  const queue: string[] = [];
  const pending = new Map<number, (envelope: Envelope) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<() => void>();

  function setStatus(next: TransportStatus): void {
    if (status === next) return;
    status = next;
    for (const listener of statusListeners) listener();
  }

  function settleAll(message: string): void {
    for (const resolve of pending.values()) resolve(connectionLost(message));
    pending.clear();
  }

  function handleMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let msg: WsServerMessage;
    try {
      msg = JSON.parse(data) as WsServerMessage;
    } catch {
      return;
    }
    if ('id' in msg) {
      pending.get(msg.id)?.(msg.envelope);
      pending.delete(msg.id);
    } else if (isEvent(msg.event)) {
      for (const listener of listeners.get(msg.event) ?? []) listener(msg.payload);
    }
  }

  function connect(target: string): void {
    const ws = new WebSocket(target);
    socket = ws;
    ws.onopen = () => {
      everOpened = true;
      attempt = 0;
      setStatus('open');
      for (const frame of queue.splice(0)) ws.send(frame);
    };
    ws.onmessage = (event) => handleMessage(event.data);
    ws.onclose = (event) => {
      socket = null;
      if (!everOpened) {
        settleAll(REFUSED_MESSAGE);
        queue.length = 0;
        setStatus('refused');
        onRefused();
        return;
      }
      settleAll(event.code === CLOSE_TOO_BIG ? TOO_BIG_MESSAGE : LOST_MESSAGE);
      setStatus('reconnecting');
      const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] ?? 8_000;
      attempt += 1;
      window.setTimeout(() => connect(target), delay);
    };
  }

  if (url) connect(url);

  return {
    kind: 'ws',
    call(channel, req) {
      if (status === 'refused') return Promise.resolve(connectionLost(REFUSED_MESSAGE));
      if (status === 'reconnecting') return Promise.resolve(connectionLost(RECONNECTING_MESSAGE));
      const request: WsRequest = { id: nextId++, channel, req };
      const frame = JSON.stringify(request);
      // Refused here with its size, rather than sent and answered by the server closing the socket.
      const refusal = tooLargeToSend(frame);
      if (refusal) return Promise.resolve(refusal);
      return new Promise<Envelope>((resolve) => {
        pending.set(request.id, resolve);
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.push(frame);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    getStatus: () => status,
    subscribeStatus(listener) {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
  };
}

/** `ws://HOST/api?token=…` on the server that served this page. */
export function wsUrl(token: string): string {
  return `ws://${window.location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
}
