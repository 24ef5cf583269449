import type { Cell } from '@shared/models/sql';

export type FetchWindow = (offset: number, limit: number) => Promise<{ rows: Cell[][]; total: number }>;

interface Window {
  rows: Cell[][];
  /** The view's size when this window was read: a short window is read again once more rows exist. */
  total: number;
}

export interface RowWindowCacheOptions {
  windowSize?: number;
  /** Windows kept; the least recently used go first, so memory stays bounded whatever the result size. */
  maxWindows?: number;
}

/**
 * The renderer's view of a result: fixed-size windows of rows pulled from the main process as the
 * grid scrolls, a bounded number kept. Listeners hear when a window arrives (the grid re-renders).
 */
export class RowWindowCache {
  readonly windowSize: number;
  private readonly maxWindows: number;
  private readonly windows = new Map<number, Window>();
  private readonly pending = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private known = 0;
  private version = 0;
  private disposed = false;
  error: Error | undefined;

  constructor(
    private readonly fetchWindow: FetchWindow,
    opts: RowWindowCacheOptions = {},
  ) {
    this.windowSize = opts.windowSize ?? 500;
    this.maxWindows = opts.maxWindows ?? 24;
  }

  /** Rows the view has, as far as this cache knows (the last answer or the progress count). */
  get total(): number {
    return this.known;
  }

  /** Rows already delivered (the first window of the answer). */
  seed(rows: Cell[][], total: number): void {
    for (let w = 0; w * this.windowSize < rows.length; w++) {
      this.windows.set(w, { rows: rows.slice(w * this.windowSize, (w + 1) * this.windowSize), total });
    }
    this.known = Math.max(this.known, total);
  }

  /** More rows arrived in the main process (progress event). */
  grow(total: number): void {
    if (total === this.known) return;
    this.known = Math.max(this.known, total);
    this.notify();
  }

  row(index: number): Cell[] | undefined {
    const w = Math.floor(index / this.windowSize);
    const window = this.windows.get(w);
    if (!window) return undefined;
    // Touch: most recently used last.
    this.windows.delete(w);
    this.windows.set(w, window);
    return window.rows[index - w * this.windowSize];
  }

  /** Fetches the windows covering [start, end) that are missing or short. */
  ensure(start: number, end: number): void {
    if (this.disposed) return;
    const last = Math.min(end, this.known) - 1;
    for (let w = Math.floor(Math.max(0, start) / this.windowSize); w * this.windowSize <= last; w++) {
      const window = this.windows.get(w);
      const short = window && window.rows.length < this.windowSize && window.total < this.known;
      if ((!window || short) && !this.pending.has(w)) void this.load(w);
    }
  }

  /** Rows [start, end) in order, fetched in the largest windows allowed, without caching them. */
  async readRange(start: number, end: number, maxPerCall: number): Promise<Cell[][]> {
    const out: Cell[][] = [];
    for (let offset = start; offset < end; offset += maxPerCall) {
      const { rows } = await this.fetchWindow(offset, Math.min(maxPerCall, end - offset));
      out.push(...rows);
      if (rows.length === 0) break;
    }
    return out;
  }

  /** For a sorted or filtered view, whose size is known only from its first answer. */
  ensureFirst(): void {
    if (!this.pending.has(0)) void this.load(0);
  }

  // Arrow properties: React's useSyncExternalStore takes them unbound.
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Changes whenever rows or the total change. */
  getVersion = (): number => this.version;

  get cachedWindows(): number {
    return this.windows.size;
  }

  dispose(): void {
    this.disposed = true;
    this.windows.clear();
    this.listeners.clear();
  }

  private async load(w: number): Promise<void> {
    this.pending.add(w);
    try {
      const { rows, total } = await this.fetchWindow(w * this.windowSize, this.windowSize);
      if (this.disposed) return;
      this.windows.delete(w);
      this.windows.set(w, { rows, total });
      this.known = Math.max(this.known, total);
      while (this.windows.size > this.maxWindows) this.windows.delete(this.windows.keys().next().value!);
      this.error = undefined;
    } catch (err) {
      this.error = err instanceof Error ? err : new Error(String(err));
    } finally {
      this.pending.delete(w);
      this.notify();
    }
  }

  private notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
