import type { SecretStorageKind } from '../../shared/models/app';

/** Saved passwords, by profile id. Values stay in the main process. */
export interface SecretStore {
  readonly kind: SecretStorageKind;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  has(key: string): Promise<boolean>;
  /** A message for the user when the stored passwords could not be read (see the file store). */
  readonly loadWarning?: string | undefined;
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
