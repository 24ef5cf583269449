import type { EventName } from './channels';
import type { Envelope } from './rpc';

/** Browser mode: the renderer talks to the main process over `ws://HOST/api?token=TOKEN`. */
export const WS_PATH = '/api';

export interface WsRequest {
  id: number;
  channel: string;
  req: unknown;
}

export type WsServerMessage = { id: number; envelope: Envelope } | { event: EventName; payload: unknown };
