import { randomBytes } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { RdsStateFile } from './model';
import { rdsStateSchema } from './state-schema';

export interface LoadedState {
  state: RdsStateFile;
  /** Set when the file was unreadable and moved aside: what happened and where the old file is. */
  warning?: string;
}

/** Reads the state, or starts a new one; a corrupt file is moved aside (kept for the user) and reported. */
export async function loadStateFile(file: string, now: Date): Promise<LoadedState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyState() };
    throw error;
  }
  let problem: string;
  try {
    const parsed = rdsStateSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { state: parsed.data };
    problem = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
  } catch (error) {
    problem = (error as Error).message;
  }
  const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, aside);
  return {
    state: emptyState(),
    warning: `The RDS state file could not be read (${problem}); it was moved to ${aside} and the lab started empty. Instance data dirs are still under rds/instances.`,
  };
}

/** Writes the whole state atomically (a crash never leaves half a file), readable by the owner only. */
export async function saveStateFile(file: string, state: RdsStateFile): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

function emptyState(): RdsStateFile {
  return {
    version: 1,
    adminPassword: randomSecret(),
    replPassword: randomSecret(),
    nextServerId: 1,
    instances: [],
    snapshots: [],
    events: [],
  };
}

// URL-safe: never needs quoting in SQL text, a URL or a config file.
export function randomSecret(): string {
  return randomBytes(24).toString('base64url');
}
