import { ensureMariaDbTemplate as ensureEngineTemplate } from '../../src/lab/engine/mariadb-template';
import { testCacheDir } from './cache-dir';
import type { MariaDbBinaries } from './mariadb-binaries';

/**
 * A freshly initialised data dir to copy for each test server, kept in the user cache (outside the
 * repository) so every run and checkout reuses it; rebuilt when the binaries change.
 */
export async function ensureMariaDbTemplate(bin: MariaDbBinaries): Promise<string> {
  return ensureEngineTemplate(bin, testCacheDir('mariadb-template'));
}
