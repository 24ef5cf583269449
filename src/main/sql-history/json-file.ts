import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { createLogger } from '../../node/logger';

const log = createLogger('sql-history');

export interface JsonFileOptions<T> {
  file: string;
  schema: z.ZodType<T>;
  /** What the file holds, for messages: "the query history of this connection". */
  what: string;
  now: () => Date;
}

/**
 * A JSON document on disk, written atomically (a crash never leaves half a file). An unreadable file
 * is moved aside and reported once, and the store starts empty instead of failing every call.
 */
export class JsonFile<T> {
  private warning: string | undefined;

  constructor(private readonly opts: JsonFileOptions<T>) {}

  /** A message for the user when the file was unreadable and moved aside. */
  get loadWarning(): string | undefined {
    return this.warning;
  }

  /** The parsed content, or undefined when there is no file (or it was moved aside). */
  async read(): Promise<T | undefined> {
    let text: string;
    try {
      text = await readFile(this.opts.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw this.storageError('read', err);
    }
    try {
      return this.opts.schema.parse(JSON.parse(text));
    } catch (err) {
      await this.moveAside(err);
      return undefined;
    }
  }

  async write(value: T): Promise<void> {
    try {
      await mkdir(dirname(this.opts.file), { recursive: true });
      await writeFileAtomic(this.opts.file, `${JSON.stringify(value)}\n`, { mode: 0o600 });
    } catch (err) {
      throw this.storageError('write', err);
    }
  }

  private async moveAside(cause: unknown): Promise<void> {
    const aside = `${this.opts.file}.corrupt-${this.opts.now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.opts.file, aside);
    const reason =
      cause instanceof SyntaxError ? 'it is not valid JSON' : 'its content does not match the format';
    this.warning = `${capitalise(this.opts.what)} could not be read (${reason}). The file was moved to ${aside}.`;
    log.warn('file moved aside', { aside });
  }

  private storageError(action: 'read' | 'write', err: unknown): AppError {
    const message = err instanceof Error ? err.message : String(err);
    return new AppError('STORAGE_ERROR', `Could not ${action} ${this.opts.what}: ${message}`);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
