import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { RDSClient } from '@aws-sdk/client-rds';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsProfile } from '../../shared/models/aws';
import { awsClientConfig, type AwsClientConfig } from './client-config';
import type { CredentialResolver } from './credential-resolver';
import type { AwsProfileCatalog } from './profile-catalog';

/** A profile in one region, its credentials checked, ready to build clients from. */
export interface ProfileTarget {
  profile: AwsProfile;
  region: string;
  config: AwsClientConfig;
  /** Changes with the profile's settings or the lab's endpoint; part of every client's cache key. */
  fingerprint: string;
}

interface Destroyable {
  destroy(): void;
}

const FALLBACK_REGION = 'us-east-1';

/**
 * Profile name + region → SDK clients, the one place they are made. Clients are kept per profile,
 * region and settings, so connection pools and the SDK's credential memo survive between calls.
 */
export class AwsClientFactory {
  private readonly clients = new Map<string, Destroyable>();

  constructor(
    private readonly opts: {
      catalog: Pick<AwsProfileCatalog, 'find'>;
      credentials: Pick<CredentialResolver, 'providerFor'>;
    },
  ) {}

  /**
   * Resolves the profile and its credentials once, so a missing SSO session or a cancelled MFA prompt
   * fails the whole call with one clear error before any region is tried.
   */
  async target(profileName: string, region?: string): Promise<ProfileTarget> {
    const resolved = await this.opts.catalog.find(profileName);
    const chosen =
      region ??
      resolved.profile.region ??
      (resolved.kind === 'lab' ? resolved.target.region : FALLBACK_REGION);
    const credentials = this.opts.credentials.providerFor(resolved, chosen);
    await credentials();
    const config =
      resolved.kind === 'lab'
        ? awsClientConfig({ ...resolved.target, region: chosen })
        : awsClientConfig({ kind: 'aws', region: chosen, credentials });
    return { profile: resolved.profile, region: chosen, config, fingerprint: resolved.fingerprint };
  }

  /** The same profile and credentials in another region (the lab keeps its endpoint). */
  inRegion(target: ProfileTarget, region: string): ProfileTarget {
    return { ...target, region, config: { ...target.config, region } };
  }

  rds(target: ProfileTarget): RDSClient {
    return this.client('rds', target, () => new RDSClient(target.config));
  }

  sts(target: ProfileTarget): STSClient {
    return this.client('sts', target, () => new STSClient(target.config));
  }

  secrets(target: ProfileTarget): SecretsManagerClient {
    return this.client('secretsmanager', target, () => new SecretsManagerClient(target.config));
  }

  cloudwatch(target: ProfileTarget): CloudWatchClient {
    return this.client('monitoring', target, () => new CloudWatchClient(target.config));
  }

  dispose(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private client<C extends Destroyable>(service: string, target: ProfileTarget, make: () => C): C {
    const key = [service, target.profile.name, target.region, target.fingerprint].join('\0');
    const existing = this.clients.get(key) as C | undefined;
    if (existing) return existing;
    // A profile whose settings changed leaves its old clients behind: end their sockets now.
    for (const [other, client] of this.clients) {
      if (other.startsWith(`${service}\0${target.profile.name}\0${target.region}\0`)) {
        client.destroy();
        this.clients.delete(other);
      }
    }
    const made = make();
    this.clients.set(key, made);
    return made;
  }
}
