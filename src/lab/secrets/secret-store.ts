import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { secretsFileSchema, type StoredSecret } from './secret-model';

export interface SecretStoreOptions {
  dataDir: string;
  now: () => Date;
  /** Told when the file was unreadable and moved aside; never given secret values. */
  warn: (message: string) => void;
}

/**
 * All secrets of the lab, in memory and in `<dataDir>/secrets/secrets.json`. Every change runs on a
 * copy and is written atomically before it becomes visible, so a failed action or a crash never leaves
 * half a change. Calls are serialised: one read-modify-write at a time.
 */
export class SecretStore {
  private secrets: StoredSecret[] | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly dir: string;
  private readonly file: string;

  constructor(private readonly opts: SecretStoreOptions) {
    this.dir = join(opts.dataDir, 'secrets');
    this.file = join(this.dir, 'secrets.json');
  }

  /** Runs `fn` on the current secrets (those whose recovery window has passed are gone). */
  read<T>(fn: (secrets: readonly StoredSecret[]) => T): Promise<T> {
    return this.serialised(async () => {
      const now = this.opts.now().getTime();
      return fn((await this.load()).filter((secret) => !purged(secret, now)));
    });
  }

  /** Runs `fn` on a draft and commits the draft (written to disk if it changed) unless `fn` throws. */
  update<T>(fn: (draft: StoredSecret[]) => T): Promise<T> {
    return this.serialised(async () => {
      const current = await this.load();
      const now = this.opts.now().getTime();
      const draft = structuredClone(current).filter((secret) => !purged(secret, now));
      const result = fn(draft);
      if (JSON.stringify(draft) !== JSON.stringify(current)) {
        await this.write(draft);
        this.secrets = draft;
      }
      return result;
    });
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<StoredSecret[]> {
    if (this.secrets) return this.secrets;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.secrets = [];
      return this.secrets;
    }
    const parsed = safeJson(text);
    const checked = secretsFileSchema.safeParse(parsed);
    if (checked.success) {
      this.secrets = checked.data.secrets;
      return this.secrets;
    }
    // Atomic writes mean this file was edited by hand or by another program; keep it for the user
    // rather than failing every call, and start empty.
    const aside = `${this.file}.unreadable-${this.opts.now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.file, aside);
    this.opts.warn(`Secrets Manager: ${this.file} was unreadable; moved it to ${aside} and started empty.`);
    this.secrets = [];
    return this.secrets;
  }

  private async write(secrets: StoredSecret[]): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, secrets }, null, 2)}\n`, {
      mode: 0o600,
    });
  }
}

function purged(secret: StoredSecret, now: number): boolean {
  return secret.deletionDate !== undefined && Date.parse(secret.deletionDate) <= now;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
