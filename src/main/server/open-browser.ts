import { spawn } from 'node:child_process';

/** Opens the default browser when there is a screen to show it on; silent when there is none. */
export function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const platform = process.platform;
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
  const [cmd, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
  return true;
}
