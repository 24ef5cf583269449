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

/**
 * The largest request frame the bridge takes, in UTF-8 bytes. Imports send a file's text of up to
 * 50 MB, and JSON doubles each quote, backslash and line break, so a frame may be twice the largest
 * file plus a margin for the rest of the request. The page measures every request against this before
 * sending (a file full of control characters grows more and is refused there with a clear message);
 * the server closes a bigger frame with 1009 and stays up.
 */
export const MAX_REQUEST_BYTES = 2 * 50 * 1024 * 1024 + 1024 * 1024;
