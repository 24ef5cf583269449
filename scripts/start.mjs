// `npm start`: the Electron window when Electron can run here, else browser mode with a one-line reason.
// `npm run serve` (`--browser`): browser mode on purpose. Other arguments pass through to browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';

const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const serveArgs = args.filter((a) => a !== '--browser');

/** The Electron binary's path, fetching it once if absent; or the reason it cannot run here. */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const binary = () => {
    const pathFile = join(pkgDir, 'path.txt');
    const file = existsSync(pathFile) ? join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')) : undefined;
    return file && existsSync(file) ? file : undefined;
  };
  if (binary()) return { path: binary() };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)
    return { reason: 'its binary is absent (ELECTRON_SKIP_BINARY_DOWNLOAD is set)' };
  console.log('Fetching the Electron binary (first start)...');
  const fetched = spawnSync(process.execPath, [join(pkgDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  if (fetched.status !== 0 || !binary())
    return { reason: 'its binary is absent and could not be downloaded' };
  return { path: binary() };
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function startBrowserMode() {
  const child = spawn(process.execPath, ['out/main/serve.js', ...serveArgs], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

function startElectron(binary) {
  const started = Date.now();
  const child = spawn(binary, ['.'], { stdio: ['inherit', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => fallBack(`it failed to start (${err.message})`));
  child.on('exit', (code, signal) => {
    // A crash within seconds of launch means Electron cannot run here (missing libraries, no GPU...).
    if ((code !== 0 || signal) && Date.now() - started < 5000) {
      const line = stderr.trim().split('\n').pop() ?? `exit ${code ?? signal}`;
      return fallBack(`it exited at once (${line})`);
    }
    process.exit(code ?? 0);
  });
}

function fallBack(reason) {
  console.log(`Electron cannot start: ${reason}. Starting browser mode instead.`);
  startBrowserMode();
}

buildIfNeeded();
if (browserOnly) startBrowserMode();
else {
  const electron = electronBinary();
  if (!electron.path) fallBack(electron.reason);
  else if (!hasDisplay()) fallBack('there is no display (DISPLAY and WAYLAND_DISPLAY are unset)');
  else startElectron(electron.path);
}
