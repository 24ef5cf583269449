import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * A folder in the user's cache (XDG_CACHE_HOME or ~/.cache), outside the repository, for downloads and
 * prepared files the test servers reuse across runs and checkouts.
 */
export function testCacheDir(...parts: string[]): string {
  const cacheRoot = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheRoot, 'rds-dynamo-explorer', ...parts);
}
