import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'rds-dynamo-explorer';

/**
 * Where browser mode keeps profiles: the folder Electron's `userData` would be, by the platform's rules
 * (XDG on Linux, Application Support on macOS, AppData on Windows). `RDX_DATA_DIR` overrides it.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.RDX_DATA_DIR) return env.RDX_DATA_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}
