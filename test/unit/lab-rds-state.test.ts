import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../../src/lab/rds/data-dir-lock';
import { loadStateFile, saveStateFile } from '../../src/lab/rds/state-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rdx-unit-rds-state-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('RDS state file', () => {
  it('starts empty with fresh lab secrets and round-trips, readable by the owner only', async () => {
    const file = join(dir, 'state.json');
    const { state, warning } = await loadStateFile(file, new Date());
    expect(warning).toBeUndefined();
    expect(state).toMatchObject({ version: 1, nextServerId: 1, instances: [], snapshots: [], events: [] });
    expect(state.adminPassword).toMatch(/^[\w-]{32}$/);
    await saveStateFile(file, { ...state, nextServerId: 7 });
    expect((await loadStateFile(file, new Date())).state.nextServerId).toBe(7);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('moves an unreadable file aside and says where it went', async () => {
    const file = join(dir, 'state.json');
    await writeFile(file, '{"version":1,"instances":[{"id":');
    const { state, warning } = await loadStateFile(file, new Date('2025-01-02T03:04:05Z'));
    expect(state.instances).toEqual([]);
    expect(warning).toMatch(/could not be read .* moved to .*state\.json\.corrupt-2025-01-02T03-04-05-000Z/);
    expect(await readdir(dir)).toEqual(['state.json.corrupt-2025-01-02T03-04-05-000Z']);
    await writeFile(file, JSON.stringify({ version: 2 }));
    expect((await loadStateFile(file, new Date())).warning).toMatch(/version/);
  });
});

describe('data dir lock', () => {
  it('keeps a second lab out, and takes over the lock of a lab that died', async () => {
    const lock = await acquireDataDirLock(dir);
    await expect(acquireDataDirLock(dir)).rejects.toThrow(`in use by process ${process.pid}`);
    await lock.release();
    await writeFile(join(dir, 'lab.lock'), JSON.stringify({ pid: 2 ** 22 + 1 }));
    const taken = await acquireDataDirLock(dir);
    expect(JSON.parse(await readFile(join(dir, 'lab.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    await taken.release();
  });
});
