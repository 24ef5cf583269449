import { rmSync } from 'node:fs';

/**
 * One registry per process of everything the test servers leave behind, so a failing test, an
 * interrupted run (SIGINT/SIGTERM) or a forgotten stop() still ends the servers and removes their temp
 * dirs. Async stops run on signals; on 'exit' only synchronous work is possible, so running children
 * are killed with process.kill and temp dirs removed with rmSync as the last resort.
 */
export type Stop = () => Promise<void>;

interface Registry {
  stops: Map<symbol, { name: string; stop: Stop }>;
  pids: Set<number>;
  dirs: Set<string>;
  handlersInstalled: boolean;
}

// Kept on globalThis so that a module loaded twice in one process (vite's module runner, Playwright's
// transpiler) still shares one registry and installs the process handlers once.
const REGISTRY_KEY = Symbol.for('rds-dynamo-explorer.test-support.cleanup');
const SIGNAL_CLEANUP_BOUND_MS = 10_000;

function registry(): Registry {
  const holder = globalThis as { [REGISTRY_KEY]?: Registry };
  holder[REGISTRY_KEY] ??= { stops: new Map(), pids: new Set(), dirs: new Set(), handlersInstalled: false };
  return holder[REGISTRY_KEY];
}

/**
 * Registers `stop` to run on cleanup. Returns the stop to call in the normal path: it runs once,
 * unregisters itself, and later calls get the same promise.
 */
export function registerCleanup(name: string, stop: Stop): Stop {
  installProcessHandlers();
  const key = Symbol(name);
  let running: Promise<void> | undefined;
  const once: Stop = () => {
    running ??= stop().finally(() => registry().stops.delete(key));
    return running;
  };
  registry().stops.set(key, { name, stop: once });
  return once;
}

/** Tracks a child's pid so it is killed synchronously if the process exits while it still runs. */
export function trackPid(pid: number): () => void {
  installProcessHandlers();
  registry().pids.add(pid);
  return () => registry().pids.delete(pid);
}

/** Tracks a temp dir so it is removed synchronously on exit if nobody removed it before. */
export function trackDir(dir: string): () => void {
  installProcessHandlers();
  registry().dirs.add(dir);
  return () => registry().dirs.delete(dir);
}

/** Runs every registered stop (newest first, all of them even if some fail). */
export async function runCleanups(): Promise<void> {
  const entries = [...registry().stops.values()].reverse();
  const results = await Promise.allSettled(entries.map((entry) => entry.stop()));
  const failures = results.flatMap((result, index) =>
    result.status === 'rejected' ? [`${entries[index]?.name}: ${String(result.reason)}`] : [],
  );
  if (failures.length > 0) throw new Error(`cleanup failed: ${failures.join('; ')}`);
}

function installProcessHandlers(): void {
  const reg = registry();
  if (reg.handlersInstalled) return;
  reg.handlersInstalled = true;
  process.on('exit', killAndRemoveSync);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void onSignal(signal));
}

async function onSignal(signal: NodeJS.Signals): Promise<void> {
  const bound = new Promise<void>((resolve) => setTimeout(resolve, SIGNAL_CLEANUP_BOUND_MS).unref());
  await Promise.race([runCleanups().catch(() => undefined), bound]);
  // Another listener (vitest, Playwright) may own the exit; if none does, die of the signal as Node
  // would have without our listener, so the exit status stays honest.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function killAndRemoveSync(): void {
  const reg = registry();
  for (const pid of reg.pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  for (const dir of reg.dirs) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Best effort at exit; the stale-dir sweep of the next run removes what is left.
    }
  }
}
