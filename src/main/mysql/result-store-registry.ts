import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Res } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { ColumnMeta } from '../../shared/models/sql';
import { ResultStore } from './result-store';
import type { RowSort } from './result-store-view';

export interface ResultRegistryOptions {
  /** Estimated bytes of rows each result keeps in memory before spooling. */
  memoryBudgetBytes?: number;
  /** Results kept per session; opening one more releases the oldest. */
  perSession?: number;
  /** Where the spool directory is made (the OS temp dir by default). */
  tempRoot?: string;
  chunkRows?: number;
}

interface Entry {
  sessionId: string;
  store: ResultStore;
}

const DEFAULT_BUDGET = 64 * 1024 * 1024;
const DEFAULT_PER_SESSION = 8;

/**
 * Every open result, by id. Spool files live in one private temp directory, removed on dispose and,
 * as a last resort, when the process exits, so nothing is left behind.
 */
export class ResultRegistry {
  private readonly results = new Map<string, Entry>();
  private dir: string | undefined;
  private readonly removeDir = (): void => {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  };

  constructor(private readonly opts: ResultRegistryOptions = {}) {}

  /** `resultId` may be the caller's (checked by the contract: letters, digits, _ and - only). */
  create(
    sessionId: string,
    columns: ColumnMeta[],
    resultId: string = randomUUID(),
  ): { resultId: string; store: ResultStore } {
    if (this.results.has(resultId)) throw new AppError('CONFLICT', `The result id "${resultId}" is in use.`);
    const store = new ResultStore(columns, {
      memoryBudgetBytes: this.opts.memoryBudgetBytes ?? DEFAULT_BUDGET,
      spoolPath: join(this.spoolDir(), `${resultId}.json`),
      chunkRows: this.opts.chunkRows,
    });
    this.results.set(resultId, { sessionId, store });
    const own = [...this.results].filter(([, e]) => e.sessionId === sessionId);
    for (const [id] of own.slice(
      0,
      Math.max(0, own.length - (this.opts.perSession ?? DEFAULT_PER_SESSION)),
    )) {
      void this.close(id);
    }
    return { resultId, store };
  }

  get(resultId: string): ResultStore {
    const entry = this.results.get(resultId);
    if (!entry) throw new AppError('NOT_FOUND', 'This result was closed. Run the statement again.');
    return entry.store;
  }

  /**
   * A window of a result's rows as `sql.rows` answers it, with whether reading is over and how it
   * ended. The one reader of stored rows: the grid's scrolling and exports of a result both use it.
   */
  async rowsWindow(
    resultId: string,
    offset: number,
    limit: number,
    sort?: RowSort[],
    filter?: string,
  ): Promise<Res<'sql.rows'>> {
    const store = this.get(resultId);
    // Read before the rows: once it is set every row is stored, so `complete` never claims rows the
    // window missed (an export stops at the first complete window that reaches the total).
    const finished = store.finished;
    const { rows, total } = await store.window(offset, limit, sort, filter);
    return { rows, offset, total, complete: finished !== undefined, ...finished };
  }

  has(resultId: string): boolean {
    return this.results.has(resultId);
  }

  async close(resultId: string): Promise<boolean> {
    const entry = this.results.get(resultId);
    if (!entry) return false;
    this.results.delete(resultId);
    await entry.store.close();
    rmSync(entry.store.spoolPath, { force: true });
    return true;
  }

  async closeSession(sessionId: string): Promise<void> {
    const ids = [...this.results].filter(([, e]) => e.sessionId === sessionId).map(([id]) => id);
    await Promise.all(ids.map((id) => this.close(id)));
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.results.keys()].map((id) => this.close(id)));
    this.removeDir();
    process.off('exit', this.removeDir);
    this.dir = undefined;
  }

  private spoolDir(): string {
    if (!this.dir) {
      this.dir = mkdtempSync(join(this.opts.tempRoot ?? tmpdir(), 'rdx-results-'));
      process.on('exit', this.removeDir);
    }
    return this.dir;
  }
}
