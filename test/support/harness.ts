import { performance } from 'node:perf_hooks';
import { registerCleanup } from './cleanup';
import { startDynamoDbLocal } from './dynamodb-local';
import { startMariaDbPair, type DbEndpoint } from './mariadb';

export type { DbEndpoint } from './mariadb';

export interface HarnessOptions {
  /** Start a MariaDB primary and GTID replica (default true). */
  mariadb?: boolean;
  /** Start DynamoDB Local (default true). */
  dynamodb?: boolean;
}

/** What tests need to reach the servers; plain JSON so it can cross to vitest workers. */
export interface HarnessInfo {
  mariadb?: { primary: DbEndpoint; replica: DbEndpoint };
  dynamodb?: { endpoint: string };
  /** Wall time of each start, measured here so slow machines show up in the logs. */
  startupMs: { mariadb?: number; dynamodb?: number; total: number };
}

export interface Harness extends HarnessInfo {
  stop(): Promise<void>;
}

/**
 * Starts the requested real servers in parallel. If one fails, the others are stopped before the
 * error is rethrown, so a half-started harness never leaks processes.
 */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const started = performance.now();
  const timed = async <T>(start: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const t0 = performance.now();
    const value = await start();
    return { value, ms: Math.round(performance.now() - t0) };
  };
  const [maria, dynamo] = await Promise.allSettled([
    opts.mariadb === false ? undefined : timed(() => startMariaDbPair()),
    opts.dynamodb === false ? undefined : timed(() => startDynamoDbLocal()),
  ]);
  const stops = [maria, dynamo].flatMap((result) =>
    result.status === 'fulfilled' && result.value ? [result.value.value.stop] : [],
  );
  const stop = registerCleanup('harness', async () => {
    const results = await Promise.allSettled(stops.map((stopOne) => stopOne()));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  });
  if (maria.status === 'rejected' || dynamo.status === 'rejected') {
    await stop().catch(() => undefined);
    const reasons = [maria, dynamo].flatMap((result) =>
      result.status === 'rejected' ? [result.reason] : [],
    );
    throw reasons.length === 1 ? reasons[0] : new AggregateError(reasons, 'harness failed to start');
  }
  const pair = maria.value?.value;
  const ddb = dynamo.value?.value;
  return {
    mariadb: pair && { primary: pair.primary, replica: pair.replica },
    dynamodb: ddb && { endpoint: ddb.endpoint },
    startupMs: {
      mariadb: maria.value?.ms,
      dynamodb: dynamo.value?.ms,
      total: Math.round(performance.now() - started),
    },
    stop,
  };
}
