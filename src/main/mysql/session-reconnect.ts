import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection } from 'mysql2';

export interface ReconnectPolicy {
  /** Keep trying this long (a Multi-AZ failover takes 60–120 s). */
  windowMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RECONNECT: ReconnectPolicy = { windowMs: 150_000, firstDelayMs: 250, maxDelayMs: 8_000 };

export interface ReconnectSteps {
  /** Opens a connection with fresh credentials (a new IAM token, a re-read secret). */
  connect(): Promise<Connection>;
  /** Puts the session's state back (USE, autocommit, READ ONLY) before the connection is used. */
  restore(conn: Connection): Promise<void>;
  onAttempt(attempt: number, lastError: string | undefined): void;
  /** True once the session was closed meanwhile: stop trying. */
  abandoned(): boolean;
}

/** Tries again with exponential backoff until it connects, the window passes, or the session closes. */
export async function reconnectWithBackoff(
  steps: ReconnectSteps,
  policy: ReconnectPolicy = DEFAULT_RECONNECT,
): Promise<{ conn?: Connection; lastError?: string }> {
  const started = Date.now();
  let delay = policy.firstDelayMs;
  let lastError: string | undefined;
  for (let attempt = 1; !steps.abandoned(); attempt++) {
    steps.onAttempt(attempt, lastError);
    let conn: Connection | undefined;
    try {
      conn = await steps.connect();
      await steps.restore(conn);
      if (steps.abandoned()) {
        conn.destroy();
        return { lastError };
      }
      return { conn };
    } catch (err) {
      conn?.destroy();
      lastError = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() - started + delay > policy.windowMs) break;
    await sleep(delay);
    delay = Math.min(policy.maxDelayMs, delay * 2);
  }
  return { lastError };
}
