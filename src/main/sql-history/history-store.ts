import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { HISTORY_CAP, HISTORY_SQL_MAX, type HistoryEntry } from '../../shared/models/sql-history';
import { redactMessage, redactSecrets } from '../../shared/sql/redact-secrets';
import { JsonFile } from './json-file';

const entrySchema = z.object({
  id: z.string(),
  profileId: z.string(),
  sql: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  rowCount: z.number().optional(),
  affectedRows: z.number().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
const historyFileSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });
type HistoryFile = z.output<typeof historyFileSchema>;

export interface HistoryStoreOptions {
  dataDir: string;
  /** Entries kept per connection. */
  cap?: number;
  now?: () => Date;
  newId?: () => string;
}

interface ProfileHistory {
  file: JsonFile<HistoryFile>;
  entries: HistoryEntry[];
  /** The write in flight, and whether another is needed after it. */
  writing: Promise<void> | null;
  dirty: boolean;
}

/**
 * The statements run on each connection, newest first, one file per profile under `sql-history/`
 * (a run appends to one small file, not to everyone's). Writes are coalesced: a script of fifty
 * statements writes the file a few times, not fifty.
 */
export class HistoryStore {
  private readonly dir: string;
  private readonly cap: number;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly profiles = new Map<string, Promise<ProfileHistory>>();

  constructor(opts: HistoryStoreOptions) {
    this.dir = join(opts.dataDir, 'sql-history');
    this.cap = opts.cap ?? HISTORY_CAP;
    this.now = opts.now ?? (() => new Date());
    this.newId = opts.newId ?? randomUUID;
  }

  async add(entry: Omit<HistoryEntry, 'id'>): Promise<HistoryEntry> {
    const history = await this.load(entry.profileId);
    const stored: HistoryEntry = { ...withoutSecrets(entry), id: this.newId() };
    stored.sql = stored.sql.slice(0, HISTORY_SQL_MAX);
    history.entries.unshift(stored);
    history.entries.length = Math.min(history.entries.length, this.cap);
    this.scheduleWrite(history);
    return stored;
  }

  /** Changes an entry in place (e.g. the final row count of a result that kept streaming). */
  async update(profileId: string, id: string, patch: Partial<Omit<HistoryEntry, 'id'>>): Promise<void> {
    const history = await this.load(profileId);
    const index = history.entries.findIndex((e) => e.id === id);
    if (index < 0) return;
    history.entries[index] = withoutSecrets({ ...history.entries[index]!, ...patch });
    this.scheduleWrite(history);
  }

  async list(
    profileId: string,
    { search, limit }: { search?: string; limit?: number } = {},
  ): Promise<{ entries: HistoryEntry[]; warning?: string }> {
    const history = await this.load(profileId);
    const needle = search?.trim().toLowerCase();
    const matching = needle
      ? history.entries.filter((e) => e.sql.toLowerCase().includes(needle))
      : history.entries;
    const warning = history.file.loadWarning;
    return { entries: matching.slice(0, limit ?? this.cap), ...(warning ? { warning } : {}) };
  }

  async clear(profileId: string): Promise<number> {
    const history = await this.load(profileId);
    const count = history.entries.length;
    history.entries = [];
    this.scheduleWrite(history);
    await this.flush();
    return count;
  }

  /** Resolves when every pending write is on disk. */
  async flush(): Promise<void> {
    for (const pending of this.profiles.values()) {
      const history = await pending;
      while (history.writing) await history.writing;
    }
  }

  private load(profileId: string): Promise<ProfileHistory> {
    let pending = this.profiles.get(profileId);
    if (!pending) {
      pending = this.open(profileId);
      this.profiles.set(profileId, pending);
      // A failed read is not cached: the next call tries again.
      pending.catch(() => this.profiles.delete(profileId));
    }
    return pending;
  }

  private async open(profileId: string): Promise<ProfileHistory> {
    // Hashed: profile ids are free text, file names are not.
    const name = createHash('sha256').update(profileId).digest('hex').slice(0, 24);
    const file = new JsonFile({
      file: join(this.dir, `${name}.json`),
      schema: historyFileSchema,
      what: 'the query history of this connection',
      now: this.now,
    });
    const stored = await file.read();
    const kept = (stored?.entries ?? []).filter((e) => e.profileId === profileId).slice(0, this.cap);
    // Files written before passwords were redacted are cleaned as they are read, and rewritten.
    const entries = kept.map(withoutSecrets);
    const history: ProfileHistory = { file, entries, writing: null, dirty: false };
    if (entries.some((e, i) => e.sql !== kept[i]!.sql)) this.scheduleWrite(history);
    return history;
  }

  private scheduleWrite(history: ProfileHistory): void {
    history.dirty = true;
    if (history.writing) return;
    history.writing = (async () => {
      try {
        while (history.dirty) {
          history.dirty = false;
          await history.file.write({ version: 1, entries: history.entries });
        }
      } catch {
        // The entries stay in memory; the next run tries to write again.
        history.dirty = true;
      } finally {
        history.writing = null;
      }
    })();
  }
}

/** The entry with its statement's passwords, and any quote of them in its error, replaced by '***'. */
function withoutSecrets<E extends Omit<HistoryEntry, 'id'>>(entry: E): E {
  const { text, removed } = redactSecrets(entry.sql);
  if (removed.length === 0) return entry;
  const error = entry.error && { ...entry.error, message: redactMessage(entry.error.message, removed) };
  return { ...entry, sql: text, ...(error ? { error } : {}) };
}
