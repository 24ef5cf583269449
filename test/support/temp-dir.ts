import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from '../../src/lab/engine/process-alive';
import { trackDir } from './cleanup';

// Short on purpose: MariaDB's unix socket lives inside, and socket paths are limited to ~107 bytes.
const PREFIX = 'rdx-test-';
const OWNER_FILE = 'owner.pid';

export interface TempDir {
  path: string;
  remove(): Promise<void>;
}

let sweptThisProcess = false;

/**
 * A fresh temp dir that records its owner's pid, is removed on exit if the owner forgets, and whose
 * leftovers (the owner was SIGKILLed) are swept by the next run.
 */
export async function makeTempDir(label: string): Promise<TempDir> {
  if (!sweptThisProcess) {
    sweptThisProcess = true;
    await sweepStaleTempDirs();
  }
  const path = await mkdtemp(join(tmpdir(), `${PREFIX}${label}-`));
  await writeFile(join(path, OWNER_FILE), String(process.pid));
  const untrack = trackDir(path);
  return {
    path,
    remove: async () => {
      await rm(path, { recursive: true, force: true, maxRetries: 3 });
      untrack();
    },
  };
}

/** Removes our temp dirs whose owning process no longer exists. */
async function sweepStaleTempDirs(): Promise<void> {
  const root = tmpdir();
  const names = (await readdir(root)).filter((name) => name.startsWith(PREFIX));
  await Promise.all(
    names.map(async (name) => {
      const dir = join(root, name);
      const owner = Number(await readFile(join(dir, OWNER_FILE), 'utf8').catch(() => 'NaN'));
      if (Number.isInteger(owner) && !isProcessAlive(owner)) await rm(dir, { recursive: true, force: true });
    }),
  );
}
