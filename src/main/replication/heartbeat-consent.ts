import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { AppError } from '../../shared/errors';

const fileSchema = z.object({ version: z.literal(1), profiles: z.array(z.string()) });

/**
 * The start profiles whose user agreed that the `table` heartbeat writes on their primary, in
 * `heartbeat-consent.json` (written atomically). Asked once per profile, remembered across runs.
 */
export class HeartbeatConsent {
  private readonly file: string;
  private profiles: Set<string> | undefined;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'heartbeat-consent.json');
  }

  async has(profileId: string): Promise<boolean> {
    return (await this.load()).has(profileId);
  }

  async grant(profileId: string): Promise<void> {
    const profiles = await this.load();
    if (profiles.has(profileId)) return;
    const next = new Set(profiles).add(profileId);
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, profiles: [...next] }, null, 2)}\n`, {
        mode: 0o600,
      });
    } catch (err) {
      throw new AppError('STORAGE_ERROR', `Could not save the heartbeat consent: ${(err as Error).message}`);
    }
    this.profiles = next;
  }

  private async load(): Promise<Set<string>> {
    if (this.profiles) return this.profiles;
    try {
      this.profiles = new Set(fileSchema.parse(JSON.parse(await readFile(this.file, 'utf8'))).profiles);
    } catch {
      // Missing or unreadable: consent is asked again, which is the safe side.
      this.profiles = new Set();
    }
    return this.profiles;
  }
}
