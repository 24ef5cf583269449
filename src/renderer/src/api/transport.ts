import type { Channel } from '@shared/contract';
import type { EventName } from '@shared/channels';
import type { Envelope } from '@shared/rpc';

/**
 * `connecting`: first attempt under way, calls are queued. `open`: calls flow. `reconnecting`: the
 * socket dropped after working; new calls fail fast. `refused`: the server turned us away (no or bad
 * token), nothing will work until the user opens the URL printed by `npm start`.
 */
export type TransportStatus = 'connecting' | 'open' | 'reconnecting' | 'refused';

/** One wire to the main process. Never rejects: every failure comes back as an error envelope. */
export interface Transport {
  readonly kind: 'ipc' | 'ws';
  call(channel: Channel, req: unknown): Promise<Envelope>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  getStatus(): TransportStatus;
  subscribeStatus(listener: () => void): () => void;
}

export function connectionLost(message: string): Envelope {
  return { ok: false, error: { name: 'ConnectionError', code: 'CONNECTION_LOST', message } };
}
