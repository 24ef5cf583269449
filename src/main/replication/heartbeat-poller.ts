import type { Connection } from 'mysql2';
import { ArrivalTracker, type CurrentLag } from './heartbeat-arrival';
import { useUtc } from './clock-offset';
import type { NodeConnector } from './node-connector';
import { endQuietly, errorNumber, errorText, openNode, queryScalar } from './node-query';
import type { TimerSet } from './timer-set';

export interface PollerOptions {
  nodeKey: string;
  connect: NodeConnector;
  now: () => number;
  timers: TimerSet;
  /** The statement reading the newest heartbeat value on a replica, and its parameters. */
  read: { sql: string; values: () => unknown[] };
  /** The stored value converted to ms on the primary's clock. */
  toPrimaryMs: (raw: number) => number;
  /** The primary's clock minus the app's (ms). */
  offsetMs: () => number;
  /** The write period when the app writes the rows; null when it must be learned from them (RDS). */
  periodMs: number | null;
  /** Set (or cleared with null) when this replica cannot be read. */
  onError: (nodeKey: string, message: string | null) => void;
  /** A missing table counts as "not replicated yet" until this app time (the primary just created it). */
  missingTableGraceUntil: number;
}

export interface ReplicaPoller {
  lag(now: number): CurrentLag | null;
  stop(): void;
}

const FAST_POLL_MS = 5;
const RECONNECT_MS = 2000;
const LEARNING_MS = 10_000;
const ER_NO_SUCH_TABLE = 1146;

/**
 * Polls one replica's heartbeat value on its own connection. Polls are slow (a tenth of the write
 * period, at most 100 ms) except in a window around the next row's expected arrival, where they run
 * every 5 ms (and for the first 10 s, until the first arrival sets that window), so an arrival is
 * placed within a few ms without a busy loop the rest of the time.
 */
export function startReplicaPoller(opts: PollerOptions): ReplicaPoller {
  const slowPollMs = Math.min(100, Math.max(FAST_POLL_MS, (opts.periodMs ?? 1000) / 10));
  const tracker = new ArrivalTracker({ periodMs: opts.periodMs, graceMs: slowPollMs + 50 });
  let conn: Connection | undefined;
  let stopped = false;

  const learnUntil = opts.now() + LEARNING_MS;
  const nextDelay = (): number => {
    const expected = tracker.nextArrival();
    const now = opts.now();
    // Until the first arrival places the window, poll fast for a while so the first sample is exact too.
    if (expected === null) return now < learnUntil ? FAST_POLL_MS : slowPollMs;
    if (now >= expected - 2 * slowPollMs && now <= expected + slowPollMs) return FAST_POLL_MS;
    return Math.min(slowPollMs, Math.max(FAST_POLL_MS, expected - 2 * slowPollMs - now));
  };

  const poll = async (): Promise<void> => {
    if (stopped) return;
    try {
      if (!conn) {
        conn = await openNode(opts.connect, opts.nodeKey);
        if (stopped) return endQuietly(conn);
        await useUtc(conn);
      }
      const sentAt = opts.now();
      const value = await queryScalar(conn, opts.read.sql, opts.read.values());
      const polledAt = (sentAt + opts.now()) / 2;
      if (stopped) return;
      const raw = value === null || value === undefined ? null : Number(value);
      tracker.observe(
        polledAt,
        raw === null ? null : { raw, writtenAt: opts.toPrimaryMs(raw) - opts.offsetMs() },
      );
      opts.onError(opts.nodeKey, null);
      opts.timers.after(nextDelay(), () => void poll());
    } catch (error) {
      if (stopped) return;
      const missing = errorNumber(error) === ER_NO_SUCH_TABLE;
      // A table not replicated yet holds no row: a poll all the same, so the first row gets a sample.
      if (missing) tracker.observe(opts.now(), null);
      else tracker.pollFailed();
      if (!(missing && opts.now() < opts.missingTableGraceUntil)) {
        opts.onError(opts.nodeKey, `${opts.nodeKey}: ${errorText(error)}`);
      }
      if (!missing) {
        endQuietly(conn);
        conn = undefined;
      }
      opts.timers.after(missing ? slowPollMs : RECONNECT_MS, () => void poll());
    }
  };

  void poll();
  return {
    lag: (now) => tracker.lag(now),
    stop() {
      stopped = true;
      endQuietly(conn);
      conn = undefined;
    },
  };
}
