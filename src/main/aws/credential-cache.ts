import type { AwsCredentials, CredentialsProvider } from './client-config';

interface Entry {
  fingerprint: string;
  value?: AwsCredentials;
  pending?: Promise<AwsCredentials>;
}

// Temporary credentials are renewed this long before they expire, so no call is signed with keys
// that lapse in flight (the SDK uses the same margin).
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Credentials per profile, resolved once and shared by every client and region. Without it each
 * region of a listing would assume the role again and ask for its own MFA code. An entry whose
 * profile settings changed (its fingerprint) is dropped; a failure is not cached, so the next call
 * after `aws sso login` succeeds.
 */
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  provider(key: string, fingerprint: string, resolve: CredentialsProvider): CredentialsProvider {
    return () => this.get(key, fingerprint, resolve);
  }

  get(key: string, fingerprint: string, resolve: CredentialsProvider): Promise<AwsCredentials> {
    let entry = this.entries.get(key);
    if (!entry || entry.fingerprint !== fingerprint) {
      entry = { fingerprint };
      this.entries.set(key, entry);
    }
    if (entry.value && this.fresh(entry.value)) return Promise.resolve(entry.value);
    if (entry.pending) return entry.pending;
    const current = entry;
    current.pending = resolve()
      .then((value) => {
        current.value = value;
        return value;
      })
      .finally(() => {
        current.pending = undefined;
      });
    return current.pending;
  }

  private fresh(value: AwsCredentials): boolean {
    return value.expiration === undefined || value.expiration.getTime() - this.now() > REFRESH_MARGIN_MS;
  }
}
