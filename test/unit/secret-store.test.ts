import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createEncryptedFileSecretStore,
  createMemorySecretStore,
  type StringCipher,
} from '../../src/main/profiles/secret-store';

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
});
