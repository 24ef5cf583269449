import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { Socket } from 'node:net';

const OUTPUT_TAIL_BYTES = 8192;

export interface ChildProcess {
  readonly pid: number;
  /** Why it is no longer running, or undefined while it runs. */
  exitReason(): string | undefined;
  /** The last few KB of its stdout and stderr, for error messages. */
  outputTail(): string;
  /** SIGTERM, up to `graceMs` for a clean exit, then SIGKILL. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

// util-linux's setpriv sets PR_SET_PDEATHSIG and execs the command (same pid), so the kernel ends the
// child even when the lab is SIGKILLed and no exit handler runs. Linux only.
const SETPRIV =
  process.platform === 'linux' ? ['/usr/bin/setpriv', '/bin/setpriv'].find(isExecutable) : undefined;

/**
 * A long-running child bound to the lab's lifetime: killed by the kernel if the lab dies (setpriv),
 * killed on the lab's normal exit if nobody stopped it, and never keeping the lab's event loop alive.
 */
export function spawnChild(command: string, args: readonly string[], cwd?: string): ChildProcess {
  const [file, argv] = SETPRIV ? [SETPRIV, ['--pdeathsig', 'TERM', '--', command, ...args]] : [command, args];
  const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keepTail = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout.on('data', keepTail);
  child.stderr.on('data', keepTail);

  let exitReason: string | undefined = child.pid === undefined ? `could not start ${command}` : undefined;
  const killOnExit = (): void => {
    if (exitReason === undefined) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);
  const exited = new Promise<void>((resolve) => {
    const done = (reason: string): void => {
      exitReason ??= reason;
      process.off('exit', killOnExit);
      resolve();
    };
    child.once('error', (error) => done(`could not start ${command}: ${error.message}`));
    child.once('exit', (code, signal) => done(signal ? `killed by ${signal}` : `exited with code ${code}`));
  });
  child.unref();
  for (const stream of [child.stdout, child.stderr]) if (stream instanceof Socket) stream.unref();

  const waitExit = async (ms: number): Promise<boolean> => {
    if (exitReason !== undefined) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
    return Promise.race([exited.then(() => true), timeout]).finally(() => clearTimeout(timer));
  };

  return {
    pid: child.pid ?? -1,
    exitReason: () => exitReason,
    outputTail: () => tail,
    async stop(graceMs = 10_000) {
      if (exitReason !== undefined) return;
      child.kill('SIGTERM');
      if (await waitExit(graceMs)) return;
      child.kill('SIGKILL');
      if (!(await waitExit(5_000)))
        throw new Error(`process ${child.pid} (${command}) did not exit after SIGKILL`);
    },
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
