import type { AwsProfile, AwsProfileKind } from '../../shared/models/aws';
import type { ProfileSettings } from './config-files';

type Settings = Record<string, string>;

/**
 * How the SDK's ini provider will resolve a profile, checked in its order: a role (with a source
 * profile or a credential source) before static keys, then web identity, credential_process, SSO and
 * `aws login` sessions.
 */
export function profileKind(s: Settings): AwsProfileKind {
  const assumesRole =
    s.role_arn !== undefined && (s.source_profile !== undefined) !== (s.credential_source !== undefined);
  if (assumesRole) return 'assume-role';
  if (s.aws_access_key_id !== undefined && s.aws_secret_access_key !== undefined) return 'static';
  if (s.web_identity_token_file !== undefined && s.role_arn !== undefined) return 'web-identity';
  if (s.credential_process !== undefined) return 'process';
  const sso = ['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'];
  if (sso.some((key) => s[key] !== undefined)) return 'sso';
  if (s.login_session !== undefined) return 'login';
  return 'none';
}

/** The profile whose SSO session `name` depends on (itself, or the end of its source_profile chain). */
export function ssoLoginProfile(
  name: string,
  profiles: ReadonlyMap<string, ProfileSettings>,
): string | undefined {
  const seen = new Set<string>();
  let current: string | undefined = name;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const settings: Settings | undefined = profiles.get(current)?.settings;
    if (!settings) return undefined;
    // After the first hop the SDK takes a source profile's static keys before its own role.
    const kind: AwsProfileKind = seen.size > 1 && isStatic(settings) ? 'static' : profileKind(settings);
    if (kind === 'sso') return current;
    current = kind === 'assume-role' ? settings.source_profile : undefined;
  }
  return undefined;
}

/** The DTO for one profile from the files: kind, region and the non-secret facts the UI shows. */
export function describeProfile(
  entry: ProfileSettings,
  profiles: ReadonlyMap<string, ProfileSettings>,
  ssoSessions: ReadonlyMap<string, Settings>,
): AwsProfile {
  const s = entry.settings;
  const kind = profileKind(s);
  const session = s.sso_session === undefined ? undefined : ssoSessions.get(s.sso_session);
  const loginProfile = ssoLoginProfile(entry.name, profiles);
  const profile: AwsProfile = {
    name: entry.name,
    label: entry.name,
    kind,
    source:
      entry.inConfig && entry.inCredentials
        ? 'config+credentials'
        : entry.inConfig
          ? 'config'
          : 'credentials',
    region: s.region,
    temporary: kind === 'static' ? s.aws_session_token !== undefined : undefined,
    roleArn: s.role_arn,
    sourceProfile: s.source_profile,
    credentialSource: s.credential_source,
    mfaSerial: s.mfa_serial,
    ssoSession: s.sso_session,
    ssoStartUrl: s.sso_start_url ?? session?.sso_start_url,
    ssoAccountId: s.sso_account_id,
    ssoRoleName: s.sso_role_name,
    loginCommand: loginProfile === undefined ? undefined : ssoLoginCommand(loginProfile),
  };
  return dropUndefined(profile);
}

export function ssoLoginCommand(profile: string): string {
  return `aws sso login --profile ${profile}`;
}

function isStatic(s: Settings): boolean {
  return s.aws_access_key_id !== undefined && s.aws_secret_access_key !== undefined;
}

// Keeps the DTO small and its JSON identical whichever transport carries it.
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
