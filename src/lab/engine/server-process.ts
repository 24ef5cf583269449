import { spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { boundToParent } from './bound-to-parent';

const OUTPUT_TAIL_BYTES = 8192;

export interface ServerProcess {
  readonly pid: number;
  /** Settles with the exit reason once the process has ended, however it ended. */
  readonly exited: Promise<string>;
  /** Why the process is no longer running, or undefined while it runs. */
  exitReason(): string | undefined;
  /** The last few KB of its stdout and stderr, for error messages. */
  outputTail(): string;
  /** SIGTERM, wait up to `graceMs` for a clean exit, then SIGKILL. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL at once (a crash, on purpose). */
  kill(): void;
}

export interface SpawnServerOptions {
  cwd?: string;
  /** Told the pid as soon as the process exists; the returned function runs when it exits. */
  onSpawn?: (pid: number) => () => void;
  /**
   * Also SIGKILL it if we exit normally while it still runs (an owner that never stopped it). The
   * parent-death signal covers our dying; this covers platforms without one.
   */
  killOnExit?: boolean;
}

/** Starts a long-running server process whose lifetime is bound to ours as far as the OS allows. */
export function spawnServer(
  command: string,
  args: readonly string[],
  opts: SpawnServerOptions = {},
): ServerProcess {
  const [file, argv] = boundToParent(command, args);
  const child = spawn(file, argv, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keepTail = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout.on('data', keepTail);
  child.stderr.on('data', keepTail);

  let exitReason: string | undefined;
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => {
      exitReason ??= `could not start ${command}: ${error.message}`;
      resolve(exitReason);
    });
    child.once('exit', (code, signal) => {
      exitReason ??= signal ? `killed by ${signal}` : `exited with code ${code}`;
      resolve(exitReason);
    });
  });
  if (child.pid === undefined) exitReason = `could not start ${command}`;
  const pid = child.pid ?? -1;
  const after = pid > 0 ? opts.onSpawn?.(pid) : undefined;
  if (after) void exited.then(after);
  const kill = (): void => {
    if (exitReason === undefined) child.kill('SIGKILL');
  };
  if (opts.killOnExit && exitReason === undefined) {
    process.on('exit', kill);
    void exited.then(() => process.off('exit', kill));
  }
  // A server must not keep the event loop alive by itself: its owner stops it explicitly, and the
  // parent-death signal covers the owner dying first.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) if (stream instanceof Socket) stream.unref();

  const waitExit = async (ms: number): Promise<boolean> => {
    if (exitReason !== undefined) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
    return Promise.race([exited.then(() => true), timeout]).finally(() => clearTimeout(timer));
  };

  return {
    pid,
    exited,
    exitReason: () => exitReason,
    outputTail: () => tail,
    kill,
    async stop(graceMs = 15_000) {
      if (exitReason !== undefined) return;
      child.kill('SIGTERM');
      if (await waitExit(graceMs)) return;
      child.kill('SIGKILL');
      if (!(await waitExit(5_000))) throw new Error(`process ${pid} (${command}) did not exit after SIGKILL`);
    },
  };
}
