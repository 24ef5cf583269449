/** A heartbeat sample: the lag of the newest row and when it arrived, both on the app's clock. */
export interface LagSample {
  lagMs: number;
  at: number;
}

/** The lag now; `at` stays the newest sample's arrival (null before the first) while a row is overdue. */
export interface CurrentLag {
  lagMs: number;
  at: number | null;
}

export interface ArrivalTrackerOptions {
  /**
   * Expected ms between heartbeat rows on the primary (the write interval), until rows show another;
   * null when only the rows can tell (RDS's own writer), so nothing counts as overdue before two rows.
   */
  periodMs: number | null;
  /** How late a row may be noticed by the polls before the lag counts as overdue. */
  graceMs: number;
}

/**
 * Turns polls of one replica's heartbeat row into lag samples. A row first seen at poll k arrived
 * between poll k-1 and poll k, so the arrival is taken at their midpoint; the lag is that arrival minus
 * the row's write time, both on the app's clock (the primary's clock offset is removed by the caller's
 * conversion). A row already present at the first poll may have arrived long ago and gives no sample.
 */
export class ArrivalTracker {
  private newestRaw: number | null = null;
  private newestWrittenAt: number | null = null;
  private previousPollAt: number | null = null;
  private sample: LagSample | null = null;
  private readonly gaps: number[] = [];

  constructor(private readonly opts: ArrivalTrackerOptions) {}

  /**
   * One successful poll at app time `polledAt` (the midpoint of its round trip). `raw` is the row's
   * value as stored (only compared for newness) and `writtenAt` its write time on the app's clock.
   */
  observe(polledAt: number, row: { raw: number; writtenAt: number } | null): void {
    if (row && (this.newestRaw === null || row.raw > this.newestRaw)) {
      if (this.previousPollAt !== null) {
        const at = (this.previousPollAt + polledAt) / 2;
        this.sample = { lagMs: at - row.writtenAt, at };
      }
      if (this.newestWrittenAt !== null) this.noteGap(row.writtenAt - this.newestWrittenAt);
      this.newestRaw = row.raw;
      this.newestWrittenAt = row.writtenAt;
    }
    this.previousPollAt = polledAt;
  }

  /** A failed poll: the next row seen cannot be placed between two polls any more. */
  pollFailed(): void {
    this.previousPollAt = null;
  }

  /**
   * The lag now: the last sample, unless the row after the newest one is overdue by more than the
   * grace, in which case the lag is at least the time since that row was due (so it keeps rising on a
   * stopped replica). Null before anything is known.
   */
  lag(now: number): CurrentLag | null {
    const period = this.periodMs();
    if (this.newestWrittenAt === null || period === null) return this.sample;
    const overdue = now - (this.newestWrittenAt + period);
    if (overdue > (this.sample?.lagMs ?? 0) + this.opts.graceMs) {
      return { lagMs: overdue, at: this.sample?.at ?? null };
    }
    return this.sample;
  }

  /** When the next row should arrive on the app's clock, once one arrival has been seen. */
  nextArrival(): number | null {
    const period = this.periodMs();
    if (this.newestWrittenAt === null || this.sample === null || period === null) return null;
    return this.newestWrittenAt + period + this.sample.lagMs;
  }

  /** The smallest recent gap between rows: polls may skip rows, which only makes gaps longer. */
  private periodMs(): number | null {
    return this.gaps.length === 0 ? this.opts.periodMs : Math.min(...this.gaps);
  }

  private noteGap(gap: number): void {
    if (gap <= 0) return;
    this.gaps.push(gap);
    if (this.gaps.length > 8) this.gaps.shift();
  }
}
