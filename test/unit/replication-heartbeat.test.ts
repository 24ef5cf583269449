import { describe, expect, it } from 'vitest';
import { offsetFromProbes } from '../../src/main/replication/clock-offset';
import { ArrivalTracker } from '../../src/main/replication/heartbeat-arrival';
import { nextAlignedWrite, WRITE_PHASE_MS } from '../../src/main/replication/heartbeat-schedule';

describe('clock offset', () => {
  it('is the server time minus the middle of the round trip, median of the probes', () => {
    // The server is 500 ms ahead; one probe was delayed by a pause on the way back.
    const probes = [
      { sentAt: 1000, receivedAt: 1002, serverMs: 1501 },
      { sentAt: 2000, receivedAt: 2002, serverMs: 2501 },
      { sentAt: 3000, receivedAt: 3300, serverMs: 3501 },
    ];
    expect(offsetFromProbes(probes)).toBe(500);
  });

  it('refuses to guess without probes', () => {
    expect(() => offsetFromProbes([])).toThrow(/no clock probes/);
  });
});

describe('heartbeat arrival sampling', () => {
  const tracker = (): ArrivalTracker => new ArrivalTracker({ periodMs: 1000, graceMs: 150 });

  it('places a new row midway between the poll that missed it and the poll that saw it', () => {
    const t = tracker();
    t.observe(10_000, { raw: 1, writtenAt: 9_000 });
    expect(t.lag(10_000)).toBeNull();
    t.observe(11_990, { raw: 1, writtenAt: 9_000 });
    t.observe(12_000, { raw: 2, writtenAt: 10_000 });
    expect(t.lag(12_000)).toEqual({ lagMs: 1995, at: 11_995 });
  });

  it('keeps the last sample between arrivals, then lets the lag grow once the next row is overdue', () => {
    const t = tracker();
    t.observe(10_000, null);
    t.observe(10_210, { raw: 1, writtenAt: 10_000 });
    expect(t.lag(10_900)?.lagMs).toBe(105);
    // The next row was due at 11_000; polls may notice it up to the grace late, then it is overdue.
    expect(t.lag(11_200)?.lagMs).toBe(105);
    expect(t.lag(12_000)).toEqual({ lagMs: 1000, at: 10_105 });
    expect(t.lag(20_000)?.lagMs).toBe(9000);
  });

  it('does not place a row seen right after a failed poll', () => {
    const t = tracker();
    t.observe(10_000, { raw: 1, writtenAt: 9_950 });
    t.pollFailed();
    t.observe(15_000, { raw: 2, writtenAt: 14_900 });
    expect(t.lag(15_000)).toBeNull();
    t.observe(15_100, { raw: 3, writtenAt: 14_950 });
    expect(t.lag(15_100)?.lagMs).toBe(100);
  });

  it('learns the write period from the rows and predicts the next arrival', () => {
    const t = new ArrivalTracker({ periodMs: 5000, graceMs: 150 });
    t.observe(0, null);
    t.observe(100, { raw: 1, writtenAt: 0 });
    t.observe(1090, { raw: 1, writtenAt: 0 });
    t.observe(1100, { raw: 2, writtenAt: 1000 });
    // Rows 1000 ms apart, the last one 95 ms late: the next one is expected at 2095.
    expect(t.nextArrival()).toBe(2095);
  });

  it('with a period only the rows can tell, counts nothing overdue until two rows showed it', () => {
    const t = new ArrivalTracker({ periodMs: null, graceMs: 150 });
    t.observe(2000, null);
    t.observe(2100, { raw: 1, writtenAt: 100 });
    // Minutes without a new row are not lag while the writer's period is unknown.
    expect(t.lag(120_000)).toEqual({ lagMs: 1950, at: 2050 });
    expect(t.nextArrival()).toBeNull();
    t.observe(302_100, null);
    t.observe(302_200, { raw: 2, writtenAt: 300_100 });
    // Rows 300 s apart: overdue only once the next one is later than that.
    expect(t.lag(500_000)?.lagMs).toBe(2050);
    expect(t.lag(603_000)?.lagMs).toBe(2900);
  });
});

describe('heartbeat write schedule', () => {
  it('writes just after a whole second of the primary clock, a whole interval apart', () => {
    const offset = 123.4; // primary clock = app clock + offset
    let at = 1_000_000.5;
    const primaryTimes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      at = nextAlignedWrite(at + 3, offset, 1000);
      primaryTimes.push(at + offset);
    }
    for (const t of primaryTimes) expect(((t % 1000) + 1000) % 1000).toBeCloseTo(WRITE_PHASE_MS, 6);
    const gaps = primaryTimes.slice(1).map((t, i) => t - (primaryTimes[i] as number));
    expect(gaps.every((gap) => Math.abs(gap - 1000) < 1e-6)).toBe(true);
  });

  it('rounds longer intervals to whole seconds and leaves short ones as they are', () => {
    expect(nextAlignedWrite(10_020, 0, 2000)).toBe(12_020);
    expect(nextAlignedWrite(10_020, 0, 250)).toBe(10_270);
  });
});
