import type { ChannelName, EventName } from '../shared/channels';
import type { Envelope } from '../shared/rpc';

/** All the renderer knows of the Electron preload: a call for listed channels, a listener for listed events. */
export interface Bridge {
  call(channel: ChannelName, req: unknown): Promise<Envelope>;
  /** Returns a function that removes the listener. */
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    bridge?: Bridge;
  }
}
