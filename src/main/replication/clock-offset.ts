import type { Connection } from 'mysql2';
import { queryScalar } from './node-query';

/** One round trip: the app's clock before and after, and the server's clock as it answered. */
export interface ClockProbe {
  sentAt: number;
  receivedAt: number;
  serverMs: number;
}

/**
 * The server's clock minus the app's, in ms: each probe assumes the server read its clock halfway
 * through the round trip; the median drops probes delayed by a GC pause or a busy server.
 */
export function offsetFromProbes(probes: ClockProbe[]): number {
  if (probes.length === 0) throw new Error('no clock probes');
  const offsets = probes.map((p) => p.serverMs - (p.sentAt + p.receivedAt) / 2).sort((a, b) => a - b);
  const mid = Math.floor(offsets.length / 2);
  return offsets.length % 2 === 1
    ? (offsets[mid] as number)
    : ((offsets[mid - 1] as number) + (offsets[mid] as number)) / 2;
}

/**
 * SYSDATE(6) is read when the function runs, not when the statement starts. The heartbeat's sessions
 * run in UTC (see useUtc), so no daylight-saving hour makes the conversion ambiguous.
 */
const SERVER_CLOCK_SQL = 'SELECT UNIX_TIMESTAMP(SYSDATE(6)) * 1000';

/** Puts the session in UTC, so server times convert to epoch values exactly. */
export async function useUtc(conn: Connection): Promise<void> {
  await conn.promise().query("SET time_zone = '+00:00'");
}

/** Measures the server's clock offset against `now` with a few sequential probes. */
export async function measureClockOffset(conn: Connection, now: () => number, probes = 5): Promise<number> {
  const samples: ClockProbe[] = [];
  for (let i = 0; i < probes; i += 1) {
    const sentAt = now();
    const value = await queryScalar(conn, SERVER_CLOCK_SQL);
    const receivedAt = now();
    samples.push({ sentAt, receivedAt, serverMs: Number(value) });
  }
  return offsetFromProbes(samples);
}
