import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel, isEvent } from '../shared/channels';
import type { Bridge } from './index.d';

// Only listed names pass; the page never sees ipcRenderer itself.
const bridge: Bridge = {
  call(channel, req) {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { name: 'RpcError', code: 'UNKNOWN_CHANNEL', message: `Unknown channel: ${String(channel)}` },
      });
    }
    return ipcRenderer.invoke(channel, req);
  },
  on(event, listener) {
    if (!isEvent(event)) throw new Error(`Unknown event: ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('bridge', bridge);
