import { connectionLost, type Transport } from './transport';

type Bridge = NonNullable<Window['bridge']>;

/** Electron: the preload bridge. IPC cannot drop, so the status is always `open`. */
export function createIpcTransport(bridge: Bridge): Transport {
  return {
    kind: 'ipc',
    async call(channel, req) {
      try {
        return await bridge.call(channel, req);
      } catch (err) {
        // Only a crashed or reloading main process makes invoke() reject.
        return connectionLost(err instanceof Error ? err.message : 'The app did not answer.');
      }
    },
    on: (event, listener) => bridge.on(event, listener),
    getStatus: () => 'open',
    subscribeStatus: () => () => undefined,
  };
}
