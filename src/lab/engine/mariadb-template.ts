import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { boundToParent } from './bound-to-parent';
import type { MariaDbBinaries } from './mariadb-binaries';
import { isProcessAlive } from './process-alive';

const execFileAsync = promisify(execFile);
const MARKER = 'template.json';

// Only what shapes the files on disk; the servers' runtime options come later, per server.
const INSTALL_ARGS = [
  '--no-defaults',
  '--auth-root-authentication-method=normal',
  '--skip-test-db',
  '--skip-name-resolve',
  ...(process.getuid?.() === 0 ? ['--user=root'] : []),
  '--innodb-buffer-pool-size=32M',
  '--innodb-log-file-size=8M',
];

const building = new Map<string, Promise<string>>();

/**
 * A freshly initialised data dir (system tables, root@localhost without a password) to copy for each
 * server, under `cacheRoot/<key>/data`. mariadb-install-db costs 0.7-2.5 s, a copy about 70 ms, so the
 * result is kept and rebuilt only when the binaries or the install options change.
 */
export async function ensureMariaDbTemplate(bin: MariaDbBinaries, cacheRoot: string): Promise<string> {
  const key = await templateKey(bin);
  const dir = join(cacheRoot, key);
  let pending = building.get(dir);
  if (!pending) {
    pending = buildOnce(bin, dir, key);
    building.set(dir, pending);
    pending.catch(() => building.delete(dir));
  }
  return pending;
}

async function templateKey(bin: MariaDbBinaries): Promise<string> {
  const [server, installDb] = await Promise.all([stat(bin.server), stat(bin.installDb)]);
  const identity = [
    bin.server,
    server.size,
    server.mtimeMs,
    bin.installDb,
    installDb.size,
    installDb.mtimeMs,
  ];
  return createHash('sha256')
    .update(JSON.stringify([identity, INSTALL_ARGS]))
    .digest('hex')
    .slice(0, 16);
}

async function buildOnce(bin: MariaDbBinaries, dir: string, key: string): Promise<string> {
  const dataDir = join(dir, 'data');
  if (await isComplete(dir, key)) return dataDir;
  await mkdir(dirname(dir), { recursive: true });
  await sweepAbandonedBuilds(dir);
  // Built beside the final place and renamed at the end, so an interrupted build never looks complete
  // and a concurrent run building the same template does not interleave with this one. The owner's pid
  // in the name lets a later run remove a build whose owner was killed.
  const work = await mkdtemp(`${dir}.build-${process.pid}-`);
  try {
    await Promise.all([mkdir(join(work, 'data')), mkdir(join(work, 'tmp'))]);
    await installDataDir(bin, join(work, 'data'), join(work, 'tmp'));
    await rm(join(work, 'tmp'), { recursive: true });
    await writeFile(
      join(work, MARKER),
      JSON.stringify({ key, server: bin.server, installDb: bin.installDb }),
    );
    await rm(dir, { recursive: true, force: true });
    await rename(work, dir).catch(async (error: unknown) => {
      if (!(await isComplete(dir, key))) throw error;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return dataDir;
}

async function sweepAbandonedBuilds(dir: string): Promise<void> {
  const prefix = `${basename(dir)}.build-`;
  const names = await readdir(dirname(dir)).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix))
      .filter((name) => !isProcessAlive(Number(name.slice(prefix.length).split('-')[0])))
      .map((name) => rm(join(dirname(dir), name), { recursive: true, force: true })),
  );
}

async function isComplete(dir: string, key: string): Promise<boolean> {
  try {
    const marker = JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as { key?: string };
    return marker.key === key && (await stat(join(dir, 'data', 'mysql'))).isDirectory();
  } catch {
    return false;
  }
}

async function installDataDir(bin: MariaDbBinaries, dataDir: string, tmpDir: string): Promise<void> {
  const args = [
    ...INSTALL_ARGS,
    `--datadir=${dataDir}`,
    // A private tmpdir: mariadbd deletes every #sql* file in its tmpdir when it starts, which breaks
    // any other server bootstrapping in a shared /tmp at that moment.
    `--tmpdir=${tmpDir}`,
  ];
  try {
    await execFileAsync(...boundToParent(bin.installDb, args), { timeout: 60_000 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const tail = `${stdout}\n${stderr}`.trim().slice(-2000);
    throw new Error(`${bin.installDb} failed for ${dataDir}: ${(error as Error).message}\n${tail}`, {
      cause: error,
    });
  }
}
