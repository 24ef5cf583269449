import { spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { trackPid } from './cleanup';
import { findOptionalExecutable } from './find-executable';

const OUTPUT_TAIL_BYTES = 8192;

export interface ServerProcess {
  readonly pid: number;
  /** Why the process is no longer running, or undefined while it runs. */
  exitReason(): string | undefined;
  /** The last few KB of its stdout and stderr, for error messages. */
  outputTail(): string;
  /** SIGTERM, wait up to `graceMs` for a clean exit, then SIGKILL. */
  stop(graceMs?: number): Promise<void>;
}

// util-linux's setpriv sets PR_SET_PDEATHSIG and then execs the server (same pid), so the kernel stops
// the server even when the test runner is SIGKILLed and no exit handler can run. Linux only.
const setpriv = process.platform === 'linux' ? findOptionalExecutable(['setpriv']) : undefined;

/** Starts a long-running server process whose lifetime is bound to ours as far as the OS allows. */
export function spawnServer(command: string, args: readonly string[], cwd?: string): ServerProcess {
  const [file, argv] = setpriv ? [setpriv, ['--pdeathsig', 'TERM', '--', command, ...args]] : [command, args];
  const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keepTail = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout.on('data', keepTail);
  child.stderr.on('data', keepTail);

  let exitReason: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      exitReason ??= `could not start ${command}: ${error.message}`;
      resolve();
    });
    child.once('exit', (code, signal) => {
      exitReason ??= signal ? `killed by ${signal}` : `exited with code ${code}`;
      resolve();
    });
  });
  if (child.pid === undefined) exitReason = `could not start ${command}`;
  const pid = child.pid ?? -1;
  const untrack = pid > 0 ? trackPid(pid) : () => false;
  void exited.then(untrack);
  // A server that nobody stopped must not keep the runner alive; the exit handler kills it instead.
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
    exitReason: () => exitReason,
    outputTail: () => tail,
    async stop(graceMs = 15_000) {
      if (exitReason !== undefined) return;
      child.kill('SIGTERM');
      if (await waitExit(graceMs)) return;
      child.kill('SIGKILL');
      if (!(await waitExit(5_000))) throw new Error(`process ${pid} (${command}) did not exit after SIGKILL`);
    },
  };
}
