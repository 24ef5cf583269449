import type { CredentialSource } from '../../shared/models/profile';
import type { AwsClientFactory } from '../aws/client-factory';
import { SecretCredentialSource } from '../aws/secret-credential-source';

type SecretRef = Extract<CredentialSource, { source: 'secret' }>;

export interface SecretSourcesOptions {
  aws: Pick<AwsClientFactory, 'target' | 'secrets'>;
  /** How long a secret's value is reused (default: SecretCredentialSource's 5 minutes). */
  ttlMs?: number;
  now?: () => number;
}

/**
 * One SecretCredentialSource per secret and AWS profile, kept for the app's life so the brief cache
 * (and the refetch after a rotation) spans every tab and test of that secret. The key holds the
 * profile's fingerprint: edited keys or a restarted lab get a fresh client and a fresh cache.
 */
export class SecretSources {
  private readonly sources = new Map<string, SecretCredentialSource>();

  constructor(private readonly opts: SecretSourcesOptions) {}

  async forSecret(ref: SecretRef): Promise<SecretCredentialSource> {
    const target = await this.opts.aws.target(ref.awsProfile, ref.region);
    const key = [target.profile.name, target.region, target.fingerprint, ref.secretArn].join('\0');
    let source = this.sources.get(key);
    if (!source) {
      source = new SecretCredentialSource({
        client: this.opts.aws.secrets(target),
        secretId: ref.secretArn,
        ttlMs: this.opts.ttlMs,
        now: this.opts.now,
      });
      this.sources.set(key, source);
    }
    return source;
  }

  /** Forgets every cached value (the app's dispose). */
  clear(): void {
    this.sources.clear();
  }
}
