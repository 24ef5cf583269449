import { BrowserWindow, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';
import { isAppPage, isPermissionGranted } from './permissions';

export interface WindowPaths {
  preload: string;
  /** The dev server in `electron-vite dev`, else the built index.html. */
  rendererUrl?: string;
  rendererFile: string;
  icon: string;
}

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  webviewTag: false,
  spellcheck: false,
} as const;

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    width: 1320,
    height: 840,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'RDS & DynamoDB Explorer',
    icon: paths.icon,
    autoHideMenuBar: false,
    webPreferences: { ...WEB_PREFERENCES, preload: paths.preload },
  });
  win.once('ready-to-show', () => win.show());
  lockDown(win.webContents, paths);
  if (paths.rendererUrl) void win.loadURL(paths.rendererUrl);
  else void win.loadFile(paths.rendererFile);
  return win;
}

/**
 * No navigation away from the app, no new windows, no webviews, no permission the app does not use;
 * links to the web open in the browser.
 */
function lockDown(contents: WebContents, paths: WindowPaths): void {
  contents.session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, paths));
  });
  contents.session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? requestingOrigin, paths),
  );
  // USB, HID and serial devices: the app talks to none.
  contents.session.setDevicePermissionHandler(() => false);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, paths)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function isAppUrl(url: string, paths: Pick<WindowPaths, 'rendererUrl' | 'rendererFile'>): boolean {
  return isAppPage(url, paths);
}

export function resourcePath(appRoot: string, name: string): string {
  return join(appRoot, 'resources', name);
}
