import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEncryptedFileSecretStore } from '../../src/main/profiles/encrypted-file-secret-store';
import { createMemorySecretStore, type StringCipher } from '../../src/main/profiles/secret-store';

// Stands in for safeStorage: a reversible transform whose output never contains the clear text.
const xorCipher: StringCipher = {
  encrypt: (s) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
  decrypt: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rdx-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('secret stores', () => {
  it('keeps encrypted values only, readable after a restart, in a private file', async () => {
    const file = join(dir, 'secrets.json');
    const store = createEncryptedFileSecretStore({ file, cipher: xorCipher, kind: 'keychain' });
    await store.set('profile:1:password', 'hunter2-secret');
    expect(await readFile(file, 'utf8')).not.toContain('hunter2-secret');
    expect((await stat(file)).mode & 0o077).toBe(0);
    const reopened = createEncryptedFileSecretStore({ file, cipher: xorCipher, kind: 'keychain' });
    expect(await reopened.get('profile:1:password')).toBe('hunter2-secret');
    await reopened.delete('profile:1:password');
    expect(await reopened.has('profile:1:password')).toBe(false);
  });

  it('memory store says so and forgets nothing while running', async () => {
    const store = createMemorySecretStore();
    expect(store.kind).toBe('memory');
    await store.set('k', 'v');
    expect(await store.get('k')).toBe('v');
  });

  it('moves an unreadable file aside, keeps its bytes, reports it, and then saves afresh', async () => {
    const file = join(dir, 'secrets.json');
    const damaged = '{"profile:1:password":"c2VjcmV0", "profile:2:pass';
    await writeFile(file, damaged, { mode: 0o600 });
    const now = () => new Date('2026-03-04T05:06:07.089Z');
    const store = createEncryptedFileSecretStore({ file, cipher: xorCipher, kind: 'keychain', now });
    expect(store.loadWarning).toBeUndefined();
    await store.set('profile:3:password', 'new-one');
    const aside = join(dir, 'secrets.json.corrupt-2026-03-04T05-06-07-089Z');
    expect(await readFile(aside, 'utf8')).toBe(damaged);
    expect((await stat(aside)).mode & 0o077).toBe(0);
    expect(store.loadWarning).toMatch(
      /saved passwords could not be read.*not valid JSON.*moved to .*corrupt-/,
    );
    expect(store.loadWarning).toContain(aside);
    const reopened = createEncryptedFileSecretStore({ file, cipher: xorCipher, kind: 'keychain' });
    expect(await reopened.get('profile:3:password')).toBe('new-one');
    expect(reopened.loadWarning).toBeUndefined();
  });

  it('treats values that are not ciphertexts as unreadable too, rather than dropping them on the next save', async () => {
    const file = join(dir, 'secrets.json');
    await writeFile(file, JSON.stringify({ 'profile:1:password': { nested: true } }));
    const store = createEncryptedFileSecretStore({ file, cipher: xorCipher, kind: 'keychain' });
    expect(await store.has('profile:1:password')).toBe(false);
    expect(store.loadWarning).toMatch(/does not match the format/);
    expect((await readdir(dir)).filter((f) => f.startsWith('secrets.json.corrupt-'))).toHaveLength(1);
  });

  it('moves the file aside once when several calls find it damaged at the same time', async () => {
    const file = join(dir, 'secrets.json');
    await writeFile(file, 'not json');
    const store = createEncryptedFileSecretStore({ file, cipher: xorCipher, kind: 'keychain' });
    await Promise.all([store.has('a'), store.has('b'), store.get('c')]);
    expect((await readdir(dir)).filter((f) => f.startsWith('secrets.json.corrupt-'))).toHaveLength(1);
  });

  it('never overwrites a file it cannot move aside', async () => {
    const file = join(dir, 'secrets.json');
    await writeFile(file, 'not json');
    // A non-empty folder where the file would go: the rename fails (as root too, unlike permissions).
    const now = () => new Date('2026-03-04T05:06:07.089Z');
    await mkdir(join(dir, 'secrets.json.corrupt-2026-03-04T05-06-07-089Z', 'in-the-way'), {
      recursive: true,
    });
    const store = createEncryptedFileSecretStore({ file, cipher: xorCipher, kind: 'keychain', now });
    await expect(store.set('k', 'v')).rejects.toMatchObject({
      code: 'STORAGE_ERROR',
      message: expect.stringMatching(/saved passwords could not be read.*left as it is/),
    });
    // Reading goes on without the saved passwords, so the profiles still list; the user is told why.
    expect(await store.has('k')).toBe(false);
    expect(store.loadWarning).toMatch(/could not be moved aside.*left as it is/);
    expect(await readFile(file, 'utf8')).toBe('not json');
  });
});
