import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive } from '../engine/process-alive';

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * One lab per data dir: two would start the same instances twice on the same files. The lock holds
 * the owner's pid; a lock whose owner is gone (a crashed run) is taken over.
 */
export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  const file = join(dir, 'lab.lock');
  const mine = JSON.stringify({ pid: process.pid, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(file, mine, { flag: 'wx' });
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await lockOwner(file);
    if (owner !== undefined && isProcessAlive(owner)) {
      throw new Error(
        `The lab data dir ${dir} is in use by process ${owner} (another lab). Stop that lab, or start this one with another data dir.`,
      );
    }
    await rm(file, { force: true });
  }
  throw new Error(`Could not take the lock ${file}: another lab is starting on the same data dir.`);
}

async function lockOwner(file: string): Promise<number | undefined> {
  try {
    const { pid } = JSON.parse(await readFile(file, 'utf8')) as { pid?: unknown };
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    return undefined; // unreadable: half-written by a run that died, so nobody owns it
  }
}
