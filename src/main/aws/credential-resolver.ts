import { fromEnv, fromIni } from '@aws-sdk/credential-providers';
import type { AwsCredentials, CredentialsProvider } from './client-config';
import { CredentialCache } from './credential-cache';
import { credentialError } from './credential-errors';
import type { ResolvedProfile } from './profile-catalog';

/** The SDK providers, injectable so tests can stand in for SSO portals and STS. */
export interface SdkCredentialProviders {
  fromIni: typeof fromIni;
  fromEnv: typeof fromEnv;
}

export interface CredentialResolverOptions {
  /** Asks the user for a code from the MFA device named by the profile's `mfa_serial`. */
  mfaCode: (profile: string, serialNumber: string) => Promise<string>;
  cache?: CredentialCache;
  sdk?: SdkCredentialProviders;
}

/**
 * Turns a profile into the credentials provider every SDK client of that profile shares: the SDK's
 * own providers (fromIni covers static keys, SSO, assume-role with MFA, web identity and
 * credential_process; fromEnv the environment), cached per profile, failures made actionable.
 */
export class CredentialResolver {
  private readonly cache: CredentialCache;
  private readonly sdk: SdkCredentialProviders;

  constructor(private readonly opts: CredentialResolverOptions) {
    this.cache = opts.cache ?? new CredentialCache();
    this.sdk = opts.sdk ?? { fromIni, fromEnv };
  }

  /** `region` is where an assume-role or SSO call goes when the profile names no region of its own. */
  providerFor(resolved: ResolvedProfile, region: string): CredentialsProvider {
    if (resolved.kind === 'lab') {
      const { credentials } = resolved.target;
      return () => Promise.resolve(credentials);
    }
    const resolve = this.sdkProvider(resolved, region);
    const ctx = {
      profile: resolved.profile,
      ssoLoginProfile: resolved.kind === 'file' ? resolved.ssoLoginProfile : undefined,
      files: resolved.kind === 'file' ? resolved.paths : undefined,
    };
    const guarded = (): Promise<AwsCredentials> =>
      resolve().catch((err: unknown) => {
        throw credentialError(err, ctx);
      });
    return this.cache.provider(resolved.profile.name, resolved.fingerprint, guarded);
  }

  private sdkProvider(
    resolved: Exclude<ResolvedProfile, { kind: 'lab' }>,
    region: string,
  ): CredentialsProvider {
    if (resolved.kind === 'env') return this.sdk.fromEnv();
    const name = resolved.profile.name;
    // The SDK's SSO step re-reads the files from AWS_CONFIG_FILE / HOME rather than these paths; the
    // catalog derives them from the same environment, so both agree.
    return this.sdk.fromIni({
      profile: name,
      filepath: resolved.paths.credentials,
      configFilepath: resolved.paths.config,
      mfaCodeProvider: (serial) => this.opts.mfaCode(name, serial),
      clientConfig: { region: resolved.profile.region ?? region },
      // Our cache decides when to resolve again; the SDK's file cache would hide an edited file.
      ignoreCache: true,
    });
  }
}
