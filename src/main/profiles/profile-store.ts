import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { RdsResourceRef } from '../../shared/models/aws';
import { profileFieldsSchema, type ProfileFields } from '../../shared/models/profile';
import { createLogger } from '../../node/logger';

const log = createLogger('profiles');

/** A server address the user allowed this profile's credentials to be sent to (see peer-access.ts). */
const approvedPeerSchema = z.object({
  host: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  approvedAt: z.string(),
});

const storedProfileSchema = profileFieldsSchema.extend({
  id: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set by `linkToRds`; optional, so files saved before links existed still load. */
  rdsInstance: z.object({ id: z.string(), region: z.string(), arn: z.string().optional() }).optional(),
  /** Optional, so files saved before approvals existed still load; deleted with the profile. */
  approvedPeers: z.array(approvedPeerSchema).optional(),
});
const profilesFileSchema = z.object({ version: z.literal(1), profiles: z.array(storedProfileSchema) });

export type StoredProfile = z.output<typeof storedProfileSchema>;
export type ApprovedPeer = z.output<typeof approvedPeerSchema>;

export interface ProfileStoreOptions {
  dataDir: string;
  now?: () => Date;
  newId?: () => string;
}

/** Connection profiles in `profiles.json`, written atomically so a crash never leaves half a file. */
export class ProfileStore {
  private profiles: StoredProfile[] | undefined;
  private warning: string | undefined;
  private readonly file: string;
  private readonly now: () => Date;
  private readonly newId: () => string;
  // Serialises writes so two quick saves cannot interleave their read-modify-write.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(opts: ProfileStoreOptions) {
    this.file = join(opts.dataDir, 'profiles.json');
    this.now = opts.now ?? (() => new Date());
    this.newId = opts.newId ?? randomUUID;
  }

  /** A message for the user when the file was unreadable and moved aside at load. */
  get loadWarning(): string | undefined {
    return this.warning;
  }

  async list(): Promise<StoredProfile[]> {
    return [...(await this.load())];
  }

  async get(id: string): Promise<StoredProfile> {
    const found = (await this.load()).find((p) => p.id === id);
    if (!found) throw new AppError('NOT_FOUND', `No connection profile with id ${id}`);
    return found;
  }

  save(id: string | undefined, fields: ProfileFields): Promise<StoredProfile> {
    return this.serialised(async () => {
      const profiles = await this.load();
      const stamp = this.now().toISOString();
      const index = id === undefined ? -1 : profiles.findIndex((p) => p.id === id);
      if (id !== undefined && index < 0)
        throw new AppError('NOT_FOUND', `No connection profile with id ${id}`);
      const previous = profiles[index];
      const saved: StoredProfile = previous
        ? { ...previous, ...fields, updatedAt: stamp }
        : { ...fields, id: this.newId(), createdAt: stamp, updatedAt: stamp };
      const next = previous ? profiles.map((p) => (p.id === saved.id ? saved : p)) : [...profiles, saved];
      await this.write(next);
      return saved;
    });
  }

  /**
   * The profile linked to an RDS instance (found by its ARN): updated with what `refresh` returns,
   * or made from `create` when none is. One step under the write lock, so two quick "Connect"
   * clicks make one profile.
   */
  linkToRds(
    link: RdsResourceRef & { arn: string },
    create: ProfileFields,
    refresh: (existing: StoredProfile) => ProfileFields | undefined,
  ): Promise<StoredProfile> {
    return this.serialised(async () => {
      const profiles = await this.load();
      const stamp = this.now().toISOString();
      const existing = profiles.find((p) => p.rdsInstance?.arn === link.arn);
      if (existing) {
        const changed = refresh(existing);
        if (!changed) return existing;
        const saved: StoredProfile = { ...existing, ...changed, updatedAt: stamp };
        await this.write(profiles.map((p) => (p.id === saved.id ? saved : p)));
        return saved;
      }
      const saved: StoredProfile = {
        ...create,
        id: this.newId(),
        createdAt: stamp,
        updatedAt: stamp,
        rdsInstance: { id: link.id, region: link.region, arn: link.arn },
      };
      await this.write([...profiles, saved]);
      return saved;
    });
  }

  /** Replaces a profile's approved peers with what `change` makes of them (saved at once). */
  updateApprovedPeers(
    id: string,
    change: (peers: readonly ApprovedPeer[]) => ApprovedPeer[],
  ): Promise<StoredProfile> {
    return this.serialised(async () => {
      const profiles = await this.load();
      const previous = profiles.find((p) => p.id === id);
      if (!previous) throw new AppError('NOT_FOUND', `No connection profile with id ${id}`);
      const saved: StoredProfile = { ...previous, approvedPeers: change(previous.approvedPeers ?? []) };
      await this.write(profiles.map((p) => (p.id === id ? saved : p)));
      return saved;
    });
  }

  delete(id: string): Promise<boolean> {
    return this.serialised(async () => {
      const profiles = await this.load();
      const next = profiles.filter((p) => p.id !== id);
      if (next.length === profiles.length) return false;
      await this.write(next);
      return true;
    });
  }

  private async load(): Promise<StoredProfile[]> {
    if (this.profiles) return this.profiles;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw storageError('read', err);
      this.profiles = [];
      return this.profiles;
    }
    try {
      this.profiles = profilesFileSchema.parse(JSON.parse(text)).profiles;
    } catch (err) {
      await this.moveAside(err);
      this.profiles = [];
    }
    return this.profiles;
  }

  private async moveAside(cause: unknown): Promise<void> {
    const aside = `${this.file}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.file, aside);
    const reason =
      cause instanceof SyntaxError ? 'it is not valid JSON' : 'its content does not match the format';
    this.warning = `The saved connections could not be read (${reason}). The file was moved to ${aside}; you start with an empty list.`;
    log.warn('profiles file moved aside', { aside });
  }

  private async write(profiles: StoredProfile[]): Promise<void> {
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, profiles }, null, 2)}\n`, {
        mode: 0o600,
      });
    } catch (err) {
      throw storageError('write', err);
    }
    this.profiles = profiles;
  }

  private serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function storageError(action: 'read' | 'write', err: unknown): AppError {
  const message = err instanceof Error ? err.message : String(err);
  return new AppError('STORAGE_ERROR', `Could not ${action} the saved connections: ${message}`);
}
