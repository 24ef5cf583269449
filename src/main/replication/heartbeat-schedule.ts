/** Where in the primary's second the heartbeat writes (ms after the whole second). */
export const WRITE_PHASE_MS = 20;

/**
 * The app time of the next heartbeat write. Intervals of a second or more are rounded to whole seconds
 * and every write lands just after a whole second of the primary's clock, because MASTER_DELAY / SQL_Delay
 * works on the binlog event's whole-second timestamp: the replica's SQL thread reads the event at
 * second S (+ a fraction f) and sleeps `S + delay - floor(now)` whole seconds from then. A write at
 * S + 20 ms is read within that second, so it is applied at f + delay, and the heartbeat measures
 * delay + the real replication time (2000 ms + a few ms for a 2 s delay). A write at S + 990 ms would
 * often be read after the second turned and applied ~1 s early, so the measured lag would wander
 * between delay - 1 s and delay. While the delay is longer than the interval, the SQL thread never
 * idles: it reads each event right after applying the previous one, so the fraction of a second at
 * which events are applied carries over from one to the next (creeping up by the apply time of each,
 * until it wraps). That is real lag and the heartbeat reports it; it is why the table is created only
 * when missing, and why the first write is aligned too. Measured on the harness (MariaDB 10.11, 2 s
 * delay, 1 s interval): 2000-2010 ms. Shorter intervals cannot be aligned and are written as they come.
 * (The alignment uses the primary's clock; a replica's clock differing by a fraction of a second
 * shifts the boundary by that fraction.)
 */
export function nextAlignedWrite(appNow: number, offsetMs: number, intervalMs: number): number {
  if (intervalMs < 1000) return appNow + intervalMs;
  const primaryNow = appNow + offsetMs;
  const second = Math.ceil((primaryNow + intervalMs - 500 - WRITE_PHASE_MS) / 1000);
  return second * 1000 + WRITE_PHASE_MS - offsetMs;
}
