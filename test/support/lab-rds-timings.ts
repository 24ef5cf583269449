import { performance } from 'node:perf_hooks';

/** Wall times of a file's slow steps, logged at the end so a slow machine or a regression shows. */
export class Timings {
  private readonly ms: Record<string, number> = {};

  constructor(private readonly label: string) {}

  async timed<T>(name: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await run();
    this.since(name, started);
    return result;
  }

  /** Records the time from `started` (a `performance.now()` reading) to now. */
  since(name: string, started: number): void {
    this.ms[name] = Math.round(performance.now() - started);
  }

  log(): void {
    console.log(`[${this.label}] timings ms ${JSON.stringify(this.ms)}`);
  }
}
