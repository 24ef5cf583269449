import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS } from '../shared/channels';
import { dispatch, type Handlers } from '../shared/rpc';
import type { EventHub } from './events';

export type IpcRegistrar = Pick<IpcMain, 'handle' | 'removeHandler'>;

/**
 * One ipcMain handler per listed channel, all through the shared dispatcher. A call from any frame
 * but the app's own page is refused.
 */
export function bindIpc(
  ipcMain: IpcRegistrar,
  handlers: Handlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, req: unknown) => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { name: 'RpcError', code: 'INVALID_REQUEST', message: 'Untrusted sender' },
        };
      }
      return dispatch(handlers, channel, req, { transport: 'ipc' });
    });
  }
  return () => CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Forwards pushed events to the window's page. */
export function forwardEvents(
  events: Pick<EventHub, 'subscribe'>,
  target: () => WebContents | undefined,
): () => void {
  return events.subscribe((event, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(event, payload);
  });
}
