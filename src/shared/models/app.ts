export type AppMode = 'electron' | 'browser';

/** Where saved passwords live: the OS keychain, an unencrypted fallback, or memory only. */
export type SecretStorageKind = 'keychain' | 'basic_text' | 'memory';

export interface AppInfo {
  name: string;
  version: string;
  mode: AppMode;
  secretStorage: SecretStorageKind;
  dataDir: string;
}
