import { open, type FileHandle } from 'node:fs/promises';
import type { Cell } from '../../shared/models/sql';

interface SpooledChunk {
  /** Index of the chunk's first row in the result. */
  firstRow: number;
  rowCount: number;
  position: number;
  bytes: number;
}

/**
 * Rows past the memory budget, written as JSON chunks to a temp file with an index of where each chunk
 * starts, so a window read touches only the chunks it overlaps. Writes are serialised; `pending` is
 * what the producer waits on before sending more (backpressure).
 */
export class ResultSpool {
  private readonly chunks: SpooledChunk[] = [];
  private file: Promise<FileHandle> | undefined;
  private size = 0;
  private tail: Promise<void> = Promise.resolve();
  private queuedBytes = 0;
  private waiters: { bytes: number; resolve: () => void }[] = [];

  constructor(readonly path: string) {}

  get rowCount(): number {
    const last = this.chunks.at(-1);
    return last ? last.firstRow + last.rowCount : 0;
  }

  /** Bytes handed to `write` and not yet on disk. */
  get pendingBytes(): number {
    return this.queuedBytes;
  }

  /** Queues a chunk; the returned promise settles when it is on disk. */
  write(firstRow: number, rows: Cell[][]): Promise<void> {
    const data = Buffer.from(JSON.stringify(rows));
    const chunk: SpooledChunk = { firstRow, rowCount: rows.length, position: this.size, bytes: data.length };
    this.size += data.length;
    this.queuedBytes += data.length;
    this.file ??= open(this.path, 'w+', 0o600);
    const file = this.file;
    this.tail = this.tail.then(async () => {
      const handle = await file;
      await handle.write(data, 0, data.length, chunk.position);
      this.queuedBytes -= data.length;
      // Indexed only once readable, so a reader never sees a chunk that is not on disk yet.
      this.chunks.push(chunk);
      this.wake();
    });
    return this.tail;
  }

  /** Settles once at most `bytes` are still queued (the producer resumes before the queue is empty). */
  below(bytes: number): Promise<void> {
    if (this.queuedBytes <= bytes) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ bytes, resolve }));
  }

  private wake(): void {
    const ready = this.waiters.filter((w) => this.queuedBytes <= w.bytes);
    this.waiters = this.waiters.filter((w) => this.queuedBytes > w.bytes);
    for (const w of ready) w.resolve();
  }

  /** Waits for every queued write. */
  flushed(): Promise<void> {
    return this.tail;
  }

  /** Rows [from, to) of the spooled part (row numbers are the result's, not the spool's). */
  async read(from: number, to: number): Promise<Cell[][]> {
    if (!this.file || from >= to) return [];
    const handle = await this.file;
    const out: Cell[][] = [];
    for (let i = this.chunkAt(from); i < this.chunks.length; i++) {
      const chunk = this.chunks[i]!;
      if (chunk.firstRow >= to) break;
      const buf = Buffer.alloc(chunk.bytes);
      await handle.read(buf, 0, chunk.bytes, chunk.position);
      const rows = JSON.parse(buf.toString('utf8')) as Cell[][];
      const start = Math.max(0, from - chunk.firstRow);
      const end = Math.min(rows.length, to - chunk.firstRow);
      for (let r = start; r < end; r++) out.push(rows[r]!);
    }
    return out;
  }

  /** Each chunk's rows in order, one at a time (for building sort and filter indexes). */
  async *scan(): AsyncGenerator<{ firstRow: number; rows: Cell[][] }> {
    if (!this.file) return;
    const handle = await this.file;
    for (const chunk of this.chunks.slice()) {
      const buf = Buffer.alloc(chunk.bytes);
      await handle.read(buf, 0, chunk.bytes, chunk.position);
      yield { firstRow: chunk.firstRow, rows: JSON.parse(buf.toString('utf8')) as Cell[][] };
    }
  }

  async close(): Promise<void> {
    const file = this.file;
    this.file = undefined;
    if (!file) return;
    await this.tail.catch(() => undefined);
    this.queuedBytes = 0;
    this.wake();
    await (await file).close().catch(() => undefined);
  }

  private chunkAt(row: number): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid]!.firstRow <= row) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
