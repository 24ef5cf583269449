import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DownloadRegistry } from './download-registry';
import { PrivateFolders } from './private-folders';

export interface AppFiles {
  folders: PrivateFolders;
  downloads: DownloadRegistry;
}

/**
 * The app's own folders for export files, downloads and uploads, under one fixed root in its data
 * directory. Whatever an earlier run left there is stale (its downloads died with it), so the root,
 * a constant path no server or page names, is cleared at start.
 */
export function createAppFiles(dataDir: string): AppFiles {
  const root = join(dataDir, 'tmp', 'transfers');
  rmSync(root, { recursive: true, force: true });
  const folders = new PrivateFolders(root);
  return { folders, downloads: new DownloadRegistry(folders) };
}
