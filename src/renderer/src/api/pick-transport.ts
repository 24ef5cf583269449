import { createIpcTransport } from './ipc-transport';
import { forgetToken, takeToken } from './token';
import type { Transport } from './transport';
import { createWsTransport, wsUrl } from './ws-transport';

/** Electron exposes `window.bridge` from its preload; anything else is browser mode over WebSocket. */
export function pickTransport(): Transport {
  if (window.bridge) return createIpcTransport(window.bridge);
  const token = takeToken();
  return createWsTransport(token ? wsUrl(token) : null, forgetToken);
}
