import type { Cell, ColumnMeta } from '../../shared/models/sql';
import { ResultSpool } from './result-store-spool';
import { buildRowView, type RowSort, type RowView } from './result-store-view';

export interface ResultStoreOptions {
  /** Estimated bytes of rows kept in memory; the rest goes to the spool file. */
  memoryBudgetBytes: number;
  spoolPath: string;
  /** Rows per spooled chunk (the unit a window read loads). */
  chunkRows?: number;
  /** Bytes queued for disk above which the producer should pause. */
  highWaterBytes?: number;
}

const DEFAULT_CHUNK_ROWS = 1000;
const DEFAULT_HIGH_WATER = 32 * 1024 * 1024;
const MAX_CACHED_VIEWS = 2;

/** A rough size of a row in V8 (arrays, strings, numbers), cheap enough for every row. */
function estimateRowBytes(row: Cell[]): number {
  let bytes = 32 + row.length * 8;
  for (const cell of row) {
    if (typeof cell === 'string') bytes += 16 + cell.length;
    else if (cell !== null && typeof cell === 'object') bytes += 48 + cell.$binary.length;
  }
  return bytes;
}

/**
 * One result's rows: a prefix in memory up to the budget, the rest in a temp file in chunks. Rows are
 * appended by the reader and read back in windows, optionally through a sorted/filtered view.
 */
export class ResultStore {
  private readonly memory: Cell[][] = [];
  private memoryBytes = 0;
  private readonly spool: ResultSpool;
  private spooledRows = 0;
  private buffer: Cell[][] = [];
  private readonly views = new Map<string, Promise<RowView>>();
  private readonly chunkRows: number;
  private readonly highWater: number;
  private closed = false;
  /** Set once reading is over, so a window answer can say whether more rows are coming. */
  finished:
    { stoppedAtLimit: boolean; durationMs: number; error?: { code: string; message: string } } | undefined;

  constructor(
    readonly columns: ColumnMeta[],
    private readonly opts: ResultStoreOptions,
  ) {
    this.spool = new ResultSpool(opts.spoolPath);
    this.chunkRows = opts.chunkRows ?? DEFAULT_CHUNK_ROWS;
    this.highWater = opts.highWaterBytes ?? DEFAULT_HIGH_WATER;
  }

  get rowCount(): number {
    return this.memory.length + this.spooledRows + this.buffer.length;
  }

  /** True once rows have gone to disk (tests check that spooling happened). */
  get spooling(): boolean {
    return this.spooledRows + this.buffer.length > 0;
  }

  append(row: Cell[]): void {
    if (this.closed) return;
    if (!this.spooling && this.memoryBytes < this.opts.memoryBudgetBytes) {
      this.memory.push(row);
      this.memoryBytes += estimateRowBytes(row);
      return;
    }
    this.buffer.push(row);
    if (this.buffer.length >= this.chunkRows) this.flushBuffer();
  }

  /** The reader should pause until `drained()` settles. */
  get busy(): boolean {
    return this.spool.pendingBytes > this.highWater;
  }

  /** Settles when the disk has caught up enough for the reader to go on (half the high-water mark). */
  drained(): Promise<void> {
    return this.spool.below(this.highWater / 2);
  }

  /** Called when the reader is done: the last partial chunk goes to disk. */
  async finish(): Promise<void> {
    if (this.buffer.length > 0) this.flushBuffer();
    await this.spool.flushed();
  }

  /** Rows [offset, offset + limit) in stored order, or through the view `sort` / `filter` define. */
  async window(
    offset: number,
    limit: number,
    sort: RowSort[] = [],
    filter = '',
  ): Promise<{ rows: Cell[][]; total: number }> {
    if (sort.length === 0 && filter === '') {
      const total = this.rowCount;
      return { rows: await this.range(offset, Math.min(total, offset + limit)), total };
    }
    const view = await this.view(sort, filter);
    const ids = view.ids.subarray(offset, Math.min(view.ids.length, offset + limit));
    return { rows: await this.pick(ids), total: view.ids.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.memory.length = 0;
    this.buffer = [];
    this.views.clear();
    await this.spool.close();
  }

  get spoolPath(): string {
    return this.spool.path;
  }

  private flushBuffer(): void {
    const rows = this.buffer;
    this.buffer = [];
    const first = this.memory.length + this.spooledRows;
    this.spooledRows += rows.length;
    // A failed write surfaces on the next read or in finish(); never as an unhandled rejection.
    this.spool.write(first, rows).catch(() => undefined);
  }

  private async range(from: number, to: number): Promise<Cell[][]> {
    if (from >= to) return [];
    const out: Cell[][] = this.memory.slice(from, Math.min(to, this.memory.length));
    const spoolStart = this.memory.length;
    const bufferStart = spoolStart + this.spooledRows;
    if (to > spoolStart && from < bufferStart) {
      if (this.spool.rowCount < Math.min(to, bufferStart) - spoolStart) await this.spool.flushed();
      out.push(...(await this.spool.read(Math.max(from, spoolStart), Math.min(to, bufferStart))));
    }
    if (to > bufferStart) {
      out.push(...this.buffer.slice(Math.max(0, from - bufferStart), to - bufferStart));
    }
    return out;
  }

  /** Rows by index, reading each spooled chunk once (ids come in view order, not row order). */
  private async pick(ids: Uint32Array): Promise<Cell[][]> {
    const out = new Array<Cell[]>(ids.length);
    const byChunk = new Map<number, number[]>();
    ids.forEach((id, i) => {
      if (id < this.memory.length) out[i] = this.memory[id]!;
      else {
        const chunk = Math.floor((id - this.memory.length) / this.chunkRows);
        const list = byChunk.get(chunk) ?? [];
        list.push(i);
        byChunk.set(chunk, list);
      }
    });
    for (const [chunk, positions] of byChunk) {
      const first = this.memory.length + chunk * this.chunkRows;
      const rows = await this.range(first, first + this.chunkRows);
      for (const i of positions) out[i] = rows[ids[i]! - first] ?? [];
    }
    return out;
  }

  private view(sort: RowSort[], filter: string): Promise<RowView> {
    const key = JSON.stringify([sort, filter.toLowerCase()]);
    const cached = this.views.get(key);
    // Built over the rows stored at the time; rebuilt once more rows have arrived.
    if (cached) {
      return cached.then((view) =>
        view.rowCount === this.rowCount ? view : this.rebuild(key, sort, filter),
      );
    }
    return this.rebuild(key, sort, filter);
  }

  private rebuild(key: string, sort: RowSort[], filter: string): Promise<RowView> {
    const built = buildRowView(this.columns, this.chunks(), this.rowCount, sort, filter);
    this.views.delete(key);
    this.views.set(key, built);
    while (this.views.size > MAX_CACHED_VIEWS) this.views.delete(this.views.keys().next().value!);
    built.catch(() => this.views.delete(key));
    return built;
  }

  /** Every stored row in chunks, the memory part first. */
  private async *chunks(): AsyncGenerator<{ firstRow: number; rows: Cell[][] }> {
    const count = this.rowCount;
    for (let i = 0; i < Math.min(count, this.memory.length); i += this.chunkRows * 20) {
      yield {
        firstRow: i,
        rows: this.memory.slice(i, Math.min(i + this.chunkRows * 20, this.memory.length)),
      };
    }
    await this.spool.flushed();
    for await (const chunk of this.spool.scan()) yield chunk;
    const bufferStart = this.memory.length + this.spooledRows;
    if (this.buffer.length > 0 && bufferStart < count) {
      yield { firstRow: bufferStart, rows: this.buffer.slice(0, count - bufferStart) };
    }
  }
}
