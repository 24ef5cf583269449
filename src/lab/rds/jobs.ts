import type { Logger } from '../../node/logger';

/**
 * Background work of the RDS actions. Jobs of one instance run one after another (a reboot never
 * overlaps a snapshot of the same instance); a failure goes to the job's own handler and never
 * escapes as an unhandled rejection, so broken work marks an instance failed and the lab keeps going.
 */
export class JobRunner {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: Logger) {}

  run(key: string, work: () => Promise<void>, onFailure: (error: Error) => Promise<void>): void {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const job = previous
      .then(work)
      .catch(async (error: unknown) => {
        const failure = error instanceof Error ? error : new Error(String(error));
        this.log.warn('background work failed', { key, error: failure.message });
        await onFailure(failure);
      })
      .catch((error: unknown) => {
        this.log.error('failure handler failed', { key, error: String(error) });
      });
    this.tails.set(key, job);
    this.running.add(job);
    void job.finally(() => {
      this.running.delete(job);
      if (this.tails.get(key) === job) this.tails.delete(key);
    });
  }

  /** Resolves once no job is running (jobs started meanwhile are waited for too). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
