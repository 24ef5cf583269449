import { readFile, rename } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { AppError } from '../../shared/errors';
import type { SecretStorageKind } from '../../shared/models/app';
import { createLogger } from '../../node/logger';
import type { SecretStore, StringCipher } from './secret-store';

const log = createLogger('secrets');

/** What loading found: the ciphertexts, or a file that could not be read and where it went. */
type Loaded = { values: Map<string, string>; writable: boolean };

/**
 * Electron: ciphertexts from safeStorage (the OS keychain's key) in a file of the data directory.
 * A file it cannot read is moved aside (kept, named with the time) and reported, never overwritten:
 * it may hold every saved password, recoverable by hand or by a later version.
 */
export function createEncryptedFileSecretStore(opts: {
  file: string;
  cipher: StringCipher;
  kind: Extract<SecretStorageKind, 'keychain' | 'basic_text'>;
  now?: () => Date;
}): SecretStore {
  const now = opts.now ?? (() => new Date());
  let warning: string | undefined;
  // One load for every caller, so calls arriving together move a damaged file aside once.
  let loading: Promise<Loaded> | undefined;

  const moveAside = async (reason: string): Promise<Loaded> => {
    const aside = `${opts.file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(opts.file, aside);
    } catch (err) {
      log.warn('secrets file could not be moved aside', { code: (err as NodeJS.ErrnoException).code });
      warning = `The saved passwords could not be read (${reason}), and the file could not be moved aside, so it was left as it is at ${opts.file}. Connections ask for their passwords, and new ones cannot be saved until that file is moved or removed.`;
      return { values: new Map(), writable: false };
    }
    log.warn('secrets file moved aside', { aside });
    warning = `The saved passwords could not be read (${reason}). The file was moved to ${aside}; connections that had a saved password ask for it again.`;
    return { values: new Map(), writable: true };
  };

  const read = async (): Promise<Loaded> => {
    let text: string;
    try {
      text = await readFile(opts.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { values: new Map(), writable: true };
      return moveAside('the file cannot be opened');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return moveAside('it is not valid JSON');
    }
    const values = ciphertexts(parsed);
    return values ? { values, writable: true } : moveAside('its content does not match the format');
  };

  const load = (): Promise<Loaded> => (loading ??= read());

  // The values to change, only when the file may be written over.
  const loadForWrite = async (): Promise<Loaded> => {
    const loaded = await load();
    if (!loaded.writable)
      throw new AppError(
        'STORAGE_ERROR',
        warning ?? `The saved passwords file ${opts.file} cannot be written.`,
      );
    return loaded;
  };

  const persist = async (loaded: Loaded): Promise<void> => {
    const text = JSON.stringify(Object.fromEntries(loaded.values), null, 2);
    await writeFileAtomic(opts.file, text, { mode: 0o600 });
  };

  return {
    kind: opts.kind,
    get loadWarning() {
      return warning;
    },
    async get(key) {
      const encoded = (await load()).values.get(key);
      return encoded === undefined ? undefined : opts.cipher.decrypt(Buffer.from(encoded, 'base64'));
    },
    async set(key, value) {
      const loaded = await loadForWrite();
      loaded.values.set(key, opts.cipher.encrypt(value).toString('base64'));
      await persist(loaded);
    },
    async delete(key) {
      const loaded = await load();
      // Nothing to delete in a file that could not be read; it stays as it is.
      if (loaded.values.delete(key)) await persist(await loadForWrite());
    },
    has: async (key) => (await load()).values.has(key),
  };
}

/** The file's map of keys to base64 ciphertexts, or undefined when it holds anything else. */
function ciphertexts(parsed: unknown): Map<string, string> | undefined {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const entries = Object.entries(parsed);
  if (!entries.every((entry): entry is [string, string] => typeof entry[1] === 'string')) return undefined;
  return new Map(entries);
}
