import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const pidFile = (dataDir: string): string => join(dataDir, 'lab.pid');

/** The pid of a lab still running on this data dir, if any (a stale file from a crash is ignored). */
export function runningLabPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile(dataDir), 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export async function claimLabDir(dataDir: string): Promise<() => Promise<void>> {
  const other = runningLabPid(dataDir);
  if (other)
    throw new Error(`Another lab (pid ${other}) is running on ${dataDir}. Stop it first, or use --data-dir.`);
  await writeFile(pidFile(dataDir), `${process.pid}\n`);
  return () => rm(pidFile(dataDir), { force: true });
}
