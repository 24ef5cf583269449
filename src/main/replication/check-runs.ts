import { AppError } from '../../shared/errors';
import type { ConsistencyProgress } from '../../shared/models/replication';
import { runConsistencyCheck } from './consistency-check';
import type { ReplicationMonitor } from './replication-monitor';

export interface CheckRequest {
  tables: string[];
  replicaKeys?: string[];
  chunkRows?: number;
  waitTimeoutSeconds?: number;
}

/** The consistency checks running in the background, each cancellable by its id or with its monitor. */
export class CheckRuns {
  private readonly running = new Map<string, { monitorId: string; controller: AbortController }>();

  constructor(
    private readonly emit: (progress: ConsistencyProgress) => void,
    private readonly newId: () => string,
  ) {}

  /** Checks the request against the topology, starts the check and answers with its id at once. */
  start(monitor: ReplicationMonitor, req: CheckRequest): string {
    const primaryKey = monitor.primaryKey();
    if (!primaryKey) throw new AppError('NOT_FOUND', 'No primary found in this topology.');
    const reachable = monitor.replicaKeys();
    const replicaKeys = req.replicaKeys ?? reachable;
    const unknown = replicaKeys.find((key) => !reachable.includes(key));
    if (unknown) throw new AppError('NOT_FOUND', `${unknown} is not a reachable replica of ${primaryKey}.`);
    if (replicaKeys.length === 0)
      throw new AppError('NOT_FOUND', 'There is no reachable replica to compare.');
    const checkId = this.newId();
    const controller = new AbortController();
    this.running.set(checkId, { monitorId: monitor.id, controller });
    void runConsistencyCheck({
      checkId,
      tables: req.tables,
      primaryKey,
      replicaKeys,
      connect: monitor.connect,
      chunkRows: req.chunkRows,
      waitTimeoutSeconds: req.waitTimeoutSeconds,
      signal: controller.signal,
      onProgress: this.emit,
    })
      // It reports its own failures as a `failed` phase; this covers a bug that escapes it.
      .catch((err: unknown) =>
        this.emit({
          checkId,
          phase: 'failed',
          done: 0,
          total: 0,
          gtidPosition: null,
          results: [],
          error: err instanceof Error ? err.message : String(err),
        }),
      )
      .finally(() => this.running.delete(checkId));
    return checkId;
  }

  cancel(checkId: string): boolean {
    const check = this.running.get(checkId);
    if (!check) return false;
    check.controller.abort();
    this.running.delete(checkId);
    return true;
  }

  cancelFor(monitorId: string): void {
    for (const [checkId, check] of this.running) if (check.monitorId === monitorId) this.cancel(checkId);
  }
}
