// Builds with electron-vite when any source or config is newer than the last build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['src', 'resources', 'electron.vite.config.ts', 'package.json', 'tsconfig.base.json'];
const STAMP = 'out/main/index.js';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), info.mtimeMs);
}

export function buildIfNeeded({ force = false } = {}) {
  const built =
    existsSync(STAMP) &&
    existsSync('out/main/serve.js') &&
    existsSync('out/main/lab.js') &&
    existsSync('out/renderer/index.html');
  if (!force && built && statSync(STAMP).mtimeMs >= Math.max(...INPUTS.map(newestMtime))) return;
  console.log('Building the app (electron-vite build)...');
  const result = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('Build failed.');
    process.exit(result.status ?? 1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  buildIfNeeded({ force: process.argv.includes('--force') });
