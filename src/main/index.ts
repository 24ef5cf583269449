import { app, BrowserWindow, dialog, ipcMain, safeStorage } from 'electron';
import { join } from 'node:path';
import { bindIpc, forwardEvents } from './ipc';
import { createEncryptedFileSecretStore } from './profiles/encrypted-file-secret-store';
import { createMemorySecretStore, type SecretStore } from './profiles/secret-store';
import { createServices, labPortFromEnv } from './services';
import { createMainWindow, isAppUrl, resourcePath, type WindowPaths } from './window';

/** Electron entry: lifecycle and composition only; everything else is plain Node. */
function secretStore(dataDir: string): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) return createMemorySecretStore();
  // On Linux without a keyring Electron falls back to a fixed key; the form warns the user of it.
  const basic = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return createEncryptedFileSecretStore({
    file: join(dataDir, 'secrets.json'),
    cipher: { encrypt: (s) => safeStorage.encryptString(s), decrypt: (b) => safeStorage.decryptString(b) },
    kind: basic ? 'basic_text' : 'keychain',
  });
}

if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | undefined;

app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

void app.whenReady().then(() => {
  const dataDir = app.getPath('userData');
  const services = createServices({
    mode: 'electron',
    version: app.getVersion(),
    dataDir,
    secrets: secretStore(dataDir),
    labPort: labPortFromEnv(),
    chooseSavePath: async (defaultName, filters) => {
      const options = { defaultPath: join(app.getPath('downloads'), defaultName), filters };
      const chosen = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
  });
  const paths: WindowPaths = {
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    rendererUrl: process.env.ELECTRON_RENDERER_URL,
    rendererFile: join(import.meta.dirname, '../renderer/index.html'),
    icon: resourcePath(app.getAppPath(), 'icon.png'),
  };
  bindIpc(ipcMain, services.handlers, (event) => {
    const url = event.senderFrame?.url ?? '';
    return event.sender === mainWindow?.webContents && isAppUrl(url, paths);
  });
  forwardEvents(services.events, () => mainWindow?.webContents);
  mainWindow = createMainWindow(paths);
  void services.autoStartLab();
  mainWindow.on('closed', () => (mainWindow = undefined));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(paths);
  });
  app.on('before-quit', () => void services.dispose());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
