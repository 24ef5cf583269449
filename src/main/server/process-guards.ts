import type { Logger } from '../../node/logger';

/** Name, message and stack frames of a thrown value, for the log; never the value's other fields. */
export function describeFailure(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { thrown: typeof err };
  const frames = (err.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  return { name: err.name, message: err.message, stack: frames.slice(0, 8).map((l) => l.trim()) };
}

/**
 * Browser mode serves every open tab, and holds their sessions and in-memory passwords: one failure
 * that escaped its request must not end them all. It is logged and the process stays up.
 */
export function keepServingOnFailures(proc: Pick<NodeJS.Process, 'on'>, log: Logger): void {
  proc.on('uncaughtException', (err) => log.error('An uncaught error; still serving', describeFailure(err)));
  proc.on('unhandledRejection', (reason) =>
    log.error('An unhandled rejection; still serving', describeFailure(reason)),
  );
}
