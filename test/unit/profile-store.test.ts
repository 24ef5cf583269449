import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE_FIELDS } from '../../src/shared/models/profile';
import { ProfileStore } from '../../src/main/profiles/profile-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rdx-profiles-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fields = { ...DEFAULT_PROFILE_FIELDS, name: 'lab primary', port: 3307 };

describe('ProfileStore', () => {
  it('saves, edits and deletes profiles, keeping them across restarts', async () => {
    const store = new ProfileStore({ dataDir: dir });
    const created = await store.save(undefined, fields);
    await store.save(created.id, { ...fields, name: 'renamed' });
    const reopened = new ProfileStore({ dataDir: dir });
    expect((await reopened.list()).map((p) => p.name)).toEqual(['renamed']);
    expect(await reopened.delete(created.id)).toBe(true);
    expect(await new ProfileStore({ dataDir: dir }).list()).toEqual([]);
  });

  it('writes no password or secret into the file', async () => {
    const store = new ProfileStore({ dataDir: dir });
    await store.save(undefined, fields);
    const text = await readFile(join(dir, 'profiles.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 1, profiles: [{ name: 'lab primary', port: 3307 }] });
    expect(text).not.toMatch(/password/i);
  });

  it('moves a corrupt file aside, reports it, and still opens with an empty list', async () => {
    await writeFile(join(dir, 'profiles.json'), '{"version":1,"profiles":[{"name":');
    const store = new ProfileStore({ dataDir: dir });
    expect(await store.list()).toEqual([]);
    expect(store.loadWarning).toMatch(/could not be read.*not valid JSON.*moved to/);
    const files = await readdir(dir);
    expect(files.some((f) => f.startsWith('profiles.json.corrupt-'))).toBe(true);
    // The next save starts a fresh file and leaves the damaged one for the user to inspect.
    await store.save(undefined, fields);
    expect((await new ProfileStore({ dataDir: dir }).list()).length).toBe(1);
  });

  it('treats a file of the wrong shape as corrupt too', async () => {
    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ version: 1, profiles: [{ name: 3 }] }));
    const store = new ProfileStore({ dataDir: dir });
    expect(await store.list()).toEqual([]);
    expect(store.loadWarning).toMatch(/does not match the format/);
  });

  it('reports a missing profile as NOT_FOUND', async () => {
    const store = new ProfileStore({ dataDir: dir });
    await expect(store.get('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.save('nope', fields)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps both of two saves made at once', async () => {
    const store = new ProfileStore({ dataDir: dir });
    await Promise.all([
      store.save(undefined, { ...fields, name: 'a' }),
      store.save(undefined, { ...fields, name: 'b' }),
    ]);
    expect((await new ProfileStore({ dataDir: dir }).list()).map((p) => p.name).sort()).toEqual(['a', 'b']);
  });
});
