// A stand-in for the `electron` module: records what the main bundle asks of it, then probes the
// window's guards and one IPC call, and writes a report to $RDX_SMOKE_REPORT when the process idles.
import { writeFileSync } from 'node:fs';

const report = { windows: [], ipcChannels: [], singleInstanceLock: false, probes: {} };
const handlers = new Map();

class WebContents {
  listeners = new Map();
  sent = [];
  headersHook = undefined;
  openHandler = undefined;
  session = {
    webRequest: { onHeadersReceived: (fn) => (this.headersHook = fn) },
    setPermissionRequestHandler: (fn) => (this.permissionRequestHandler = fn),
    setPermissionCheckHandler: (fn) => (this.permissionCheckHandler = fn),
    setDevicePermissionHandler: (fn) => (this.devicePermissionHandler = fn),
  };
  on(name, fn) {
    this.listeners.set(name, fn);
    return this;
  }
  setWindowOpenHandler(fn) {
    this.openHandler = fn;
  }
  send(channel, payload) {
    this.sent.push({ channel, payload });
  }
  isDestroyed() {
    return false;
  }
}

export class BrowserWindow {
  static all = [];
  static getAllWindows() {
    return BrowserWindow.all;
  }
  constructor(options) {
    this.options = options;
    this.webContents = new WebContents();
    this.loaded = undefined;
    BrowserWindow.all.push(this);
  }
  once() {}
  on() {}
  loadFile(file) {
    this.loaded = { file };
    return Promise.resolve();
  }
  loadURL(url) {
    this.loaded = { url };
    return Promise.resolve();
  }
  show() {}
  focus() {}
  isMinimized() {
    return false;
  }
}

export const app = {
  requestSingleInstanceLock: () => (report.singleInstanceLock = true),
  quit: () => (report.quit = true),
  on: () => app,
  whenReady: () => Promise.resolve(),
  getPath: (name) => {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return process.env.RDX_SMOKE_USER_DATA;
  },
  getVersion: () => '0.0.0-smoke',
  getAppPath: () => process.cwd(),
};

export const ipcMain = {
  handle: (channel, fn) => {
    report.ipcChannels.push(channel);
    handlers.set(channel, fn);
  },
  removeHandler: (channel) => handlers.delete(channel),
};

export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (s) => Buffer.from(s).reverse(),
  decryptString: (b) => Buffer.from(b).reverse().toString(),
};

export const shell = { openExternal: async () => undefined };

/** The export save dialog: the smoke test never exports, so it answers "cancelled". */
export const dialog = { showSaveDialog: async () => ({ canceled: true }) };

const PROBED_PERMISSIONS = [
  'notifications',
  'clipboard-sanitized-write',
  'media',
  'geolocation',
  'openExternal',
  'clipboard-read',
];

/** What the session's permission handlers answer, for the app's page and for a foreign one. */
async function probePermissions(contents, pageUrl) {
  const ask = (permission, url) =>
    new Promise((resolve) => {
      if (!contents.permissionRequestHandler) return resolve(undefined);
      contents.permissionRequestHandler(contents, permission, resolve, {
        requestingUrl: url,
        isMainFrame: true,
      });
    });
  const result = { registered: {}, request: {}, check: {}, foreignRequest: {} };
  result.registered = {
    request: typeof contents.permissionRequestHandler === 'function',
    check: typeof contents.permissionCheckHandler === 'function',
    device: typeof contents.devicePermissionHandler === 'function',
  };
  for (const permission of PROBED_PERMISSIONS) {
    result.request[permission] = await ask(permission, pageUrl);
    result.foreignRequest[permission] = await ask(permission, 'https://evil.example/');
    result.check[permission] = contents.permissionCheckHandler?.(contents, permission, 'file:///', {
      requestingUrl: pageUrl,
      isMainFrame: true,
    });
  }
  result.device = contents.devicePermissionHandler?.({ deviceType: 'usb', origin: 'file://' });
  return result;
}

let probed = false;
process.on('beforeExit', async () => {
  if (probed) return;
  probed = true;
  const win = BrowserWindow.all[0];
  if (win) {
    const contents = win.webContents;
    report.windows = BrowserWindow.all.map((w) => ({ options: w.options, loaded: w.loaded }));
    let prevented = false;
    contents.listeners.get('will-navigate')?.(
      { preventDefault: () => (prevented = true) },
      'https://evil.example/',
    );
    report.probes.foreignNavigationPrevented = prevented;
    report.probes.windowOpen = contents.openHandler?.({ url: 'https://evil.example/' });
    let headers;
    contents.headersHook?.({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    report.probes.csp = headers?.['Content-Security-Policy']?.[0];
    const pageUrl = `file://${win.loaded?.file}`;
    report.probes.permissions = await probePermissions(contents, pageUrl);
    let webviewPrevented = false;
    contents.listeners.get('will-attach-webview')?.(
      { preventDefault: () => (webviewPrevented = true) },
      {},
      {},
    );
    report.probes.webviewPrevented = webviewPrevented;
    const trusted = { sender: contents, senderFrame: { url: pageUrl } };
    report.probes.appInfo = await handlers.get('app.info')?.(trusted, {});
    report.probes.foreignFrame = await handlers.get('app.info')?.(
      { sender: contents, senderFrame: { url: 'https://evil.example/' } },
      {},
    );
    report.probes.profilesList = await handlers.get('profiles.list')?.(trusted, {});
  }
  writeFileSync(process.env.RDX_SMOKE_REPORT, JSON.stringify(report));
});
