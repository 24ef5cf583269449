import { createHash } from 'node:crypto';
import { LAB_REGION } from '../../shared/models/lab';
import { AppError } from '../../shared/errors';
import { ENV_PROFILE, LAB_PROFILE, type AwsProfile, type AwsProfileList } from '../../shared/models/aws';
import type { LabTarget } from './client-config';
import { readAwsConfig, type AwsConfigSnapshot, type ProfileSettings } from './config-files';
import { awsConfigPaths, type AwsConfigPaths } from './config-paths';
import { referenceProblems } from './profile-checks';
import { describeProfile, ssoLoginProfile } from './profile-kinds';

/** A profile ready to turn into credentials; `fingerprint` changes whenever its settings do. */
export type ResolvedProfile =
  | { kind: 'lab'; profile: AwsProfile; target: LabTarget; fingerprint: string }
  | { kind: 'env'; profile: AwsProfile; fingerprint: string }
  | {
      kind: 'file';
      profile: AwsProfile;
      paths: AwsConfigPaths;
      /** The profile whose `aws sso login` would fix an expired session, if any. */
      ssoLoginProfile?: string;
      fingerprint: string;
    };

export interface ProfileCatalogOptions {
  /** The embedded lab's endpoint while it runs. */
  lab: { awsTarget(): LabTarget | undefined };
  /** process.env unless given; the SDK's fromEnv reads process.env in any case. */
  env?: NodeJS.ProcessEnv;
  /** Defaults to AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE or `~/.aws/`. */
  paths?: AwsConfigPaths;
}

/**
 * The AWS profiles the user can pick: the local lab, environment credentials, and the profiles of
 * the shared config and credentials files, read afresh on every call so `aws configure` in a
 * terminal shows up without a restart (the files are small).
 */
export class AwsProfileCatalog {
  private readonly env: NodeJS.ProcessEnv;

  constructor(private readonly opts: ProfileCatalogOptions) {
    this.env = opts.env ?? process.env;
  }

  async list(): Promise<AwsProfileList> {
    const snapshot = await this.read();
    const fromFiles = [...snapshot.profiles.values()]
      .map((entry) => describeProfile(entry, snapshot.profiles, snapshot.ssoSessions))
      .sort((a, b) => a.name.localeCompare(b.name));
    const env = this.envProfile();
    const problems = [...snapshot.problems, ...referenceProblems(snapshot)];
    const wanted = this.env.AWS_PROFILE;
    if (wanted && !snapshot.profiles.has(wanted)) {
      problems.push({
        file: snapshot.files.config.path,
        message: `AWS_PROFILE is '${wanted}', but neither ${snapshot.files.config.path} nor ${snapshot.files.credentials.path} defines it`,
      });
    }
    return {
      profiles: [this.labProfile(), ...(env ? [env] : []), ...fromFiles],
      defaultProfile: defaultProfile(snapshot, wanted, env !== undefined),
      files: snapshot.files,
      problems,
    };
  }

  /** The profile named `name`, or NOT_FOUND; the lab profile only while the lab runs. */
  async find(name: string): Promise<ResolvedProfile> {
    if (name === LAB_PROFILE) {
      const target = this.opts.lab.awsTarget();
      if (!target) {
        throw new AppError(
          'UNREACHABLE',
          'The local lab is not running. Start it from the status bar first.',
        );
      }
      return { kind: 'lab', profile: this.labProfile(), target, fingerprint: target.endpoint };
    }
    if (name === ENV_PROFILE) {
      const profile = this.envProfile();
      if (!profile) {
        throw new AppError('CREDENTIALS_MISSING', 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set.');
      }
      return {
        kind: 'env',
        profile,
        fingerprint: digest([this.env.AWS_ACCESS_KEY_ID, this.env.AWS_SESSION_TOKEN]),
      };
    }
    const snapshot = await this.read();
    const entry = snapshot.profiles.get(name);
    if (!entry) {
      const files = `${snapshot.files.config.path} or ${snapshot.files.credentials.path}`;
      throw new AppError('NOT_FOUND', `There is no AWS profile '${name}' in ${files}.`);
    }
    return {
      kind: 'file',
      profile: describeProfile(entry, snapshot.profiles, snapshot.ssoSessions),
      paths: this.paths(),
      ssoLoginProfile: ssoLoginProfile(name, snapshot.profiles),
      fingerprint: fingerprintOf(entry, snapshot),
    };
  }

  private read(): Promise<AwsConfigSnapshot> {
    return readAwsConfig(this.paths());
  }

  private paths(): AwsConfigPaths {
    return this.opts.paths ?? awsConfigPaths(this.env);
  }

  private labProfile(): AwsProfile {
    const target = this.opts.lab.awsTarget();
    return {
      name: LAB_PROFILE,
      label: 'Local lab',
      kind: 'lab',
      source: 'lab',
      region: target?.region ?? LAB_REGION,
      running: target !== undefined,
      ...(target ? { endpoint: target.endpoint } : {}),
    };
  }

  private envProfile(): AwsProfile | undefined {
    const env = this.env;
    if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) return undefined;
    const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
    return {
      name: ENV_PROFILE,
      label: 'Environment variables',
      kind: 'env',
      source: 'env',
      temporary: Boolean(env.AWS_SESSION_TOKEN),
      ...(region ? { region } : {}),
    };
  }
}

// The AWS CLI's choice: a named AWS_PROFILE, else environment keys, else `default`. With none of
// them the lab is the one thing that works without setup.
function defaultProfile(snapshot: AwsConfigSnapshot, wanted: string | undefined, hasEnv: boolean): string {
  if (wanted && snapshot.profiles.has(wanted)) return wanted;
  if (hasEnv) return ENV_PROFILE;
  return snapshot.profiles.has('default') ? 'default' : LAB_PROFILE;
}

// The settings of the whole source_profile chain and the sessions matter; hashed so no key is kept
// around in clear as a cache key.
function fingerprintOf(entry: ProfileSettings, snapshot: AwsConfigSnapshot): string {
  const all = [...snapshot.profiles.values()].map((p) => [p.name, p.settings]);
  return digest([entry.name, all, [...snapshot.ssoSessions.entries()]]);
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
