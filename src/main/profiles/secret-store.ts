import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { SecretStorageKind } from '../../shared/models/app';

/** Saved passwords, by profile id. Values stay in the main process. */
export interface SecretStore {
  readonly kind: SecretStorageKind;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  has(key: string): Promise<boolean>;
}

/** Browser mode: nothing is written to disk; passwords live until the process stops. */
export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    kind: 'memory',
    get: async (key) => values.get(key),
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
    has: async (key) => values.has(key),
  };
}

/** The narrow part of Electron's safeStorage the store needs. */
export interface StringCipher {
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

/** Electron: ciphertexts from safeStorage (the OS keychain's key) in a file of the data directory. */
export function createEncryptedFileSecretStore(opts: {
  file: string;
  cipher: StringCipher;
  kind: Extract<SecretStorageKind, 'keychain' | 'basic_text'>;
}): SecretStore {
  let cache: Map<string, string> | undefined;

  const load = async (): Promise<Map<string, string>> => {
    if (cache) return cache;
    try {
      const parsed = JSON.parse(await readFile(opts.file, 'utf8')) as Record<string, unknown>;
      cache = new Map(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      // Missing or unreadable: start empty rather than block the app; profiles then show no password.
      cache = new Map();
    }
    return cache;
  };
  const persist = async (values: Map<string, string>): Promise<void> => {
    await writeFileAtomic(opts.file, JSON.stringify(Object.fromEntries(values), null, 2), { mode: 0o600 });
  };

  return {
    kind: opts.kind,
    async get(key) {
      const encoded = (await load()).get(key);
      return encoded === undefined ? undefined : opts.cipher.decrypt(Buffer.from(encoded, 'base64'));
    },
    async set(key, value) {
      const values = await load();
      values.set(key, opts.cipher.encrypt(value).toString('base64'));
      await persist(values);
    },
    async delete(key) {
      const values = await load();
      if (values.delete(key)) await persist(values);
    },
    has: async (key) => (await load()).has(key),
  };
}
