import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { SavedQuery } from '../../shared/models/sql-history';
import { JsonFile } from './json-file';

const savedSchema = z.object({
  id: z.string(),
  name: z.string(),
  sql: z.string(),
  profileId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const savedFileSchema = z.object({ version: z.literal(1), queries: z.array(savedSchema) });

export interface SavedQueryStoreOptions {
  dataDir: string;
  now?: () => Date;
  newId?: () => string;
}

/** Named queries in `saved-queries.json`, for one connection profile or for all (`profileId: null`). */
export class SavedQueryStore {
  private queries: SavedQuery[] | undefined;
  private readonly file: JsonFile<z.output<typeof savedFileSchema>>;
  private readonly now: () => Date;
  private readonly newId: () => string;
  // Serialises read-modify-write so two quick saves cannot lose one another.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(opts: SavedQueryStoreOptions) {
    this.now = opts.now ?? (() => new Date());
    this.newId = opts.newId ?? randomUUID;
    this.file = new JsonFile({
      file: join(opts.dataDir, 'saved-queries.json'),
      schema: savedFileSchema,
      what: 'the saved queries',
      now: this.now,
    });
  }

  /** The global queries and, with a profile, that profile's; sorted by name. */
  async list(profileId?: string): Promise<{ queries: SavedQuery[]; warning?: string }> {
    const all = await this.load();
    const queries = all
      .filter((q) => profileId === undefined || q.profileId === null || q.profileId === profileId)
      .sort((a, b) => a.name.localeCompare(b.name));
    const warning = this.file.loadWarning;
    return { queries, ...(warning ? { warning } : {}) };
  }

  save(input: { id?: string; name: string; sql: string; profileId: string | null }): Promise<SavedQuery> {
    return this.serialised(async () => {
      const all = await this.load();
      const stamp = this.now().toISOString();
      const previous = input.id === undefined ? undefined : all.find((q) => q.id === input.id);
      if (input.id !== undefined && !previous)
        throw new AppError('NOT_FOUND', 'This saved query no longer exists.');
      const saved: SavedQuery = previous
        ? { ...previous, name: input.name, sql: input.sql, profileId: input.profileId, updatedAt: stamp }
        : { id: this.newId(), ...pick(input), createdAt: stamp, updatedAt: stamp };
      const next = previous ? all.map((q) => (q.id === saved.id ? saved : q)) : [...all, saved];
      await this.file.write({ version: 1, queries: next });
      this.queries = next;
      return saved;
    });
  }

  delete(id: string): Promise<boolean> {
    return this.serialised(async () => {
      const all = await this.load();
      const next = all.filter((q) => q.id !== id);
      if (next.length === all.length) return false;
      await this.file.write({ version: 1, queries: next });
      this.queries = next;
      return true;
    });
  }

  private async load(): Promise<SavedQuery[]> {
    this.queries ??= (await this.file.read())?.queries ?? [];
    return this.queries;
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function pick(input: { name: string; sql: string; profileId: string | null }) {
  return { name: input.name, sql: input.sql, profileId: input.profileId };
}
