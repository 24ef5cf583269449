import { describe, expect, it } from 'vitest';
import { interpretAwsConfig } from '../../src/main/aws/config-files';
import { awsConfigPaths } from '../../src/main/aws/config-paths';
import { parseIni } from '../../src/main/aws/ini-parser';
import { referenceProblems } from '../../src/main/aws/profile-checks';
import { describeProfile, profileKind } from '../../src/main/aws/profile-kinds';
import { PROFILE_INI } from './support/aws-config-home';

const PATHS = { config: '/home/u/.aws/config', credentials: '/home/u/.aws/credentials' };

// One profile of each kind, written as the AWS CLI docs show them.
const CONFIG = `# managed by hand
[default]
region = eu-west-1
output = json

[profile dev]
region = us-east-2 # the team's region

[profile admin]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = dev
mfa_serial = arn:aws:iam::123456789012:mfa/alice
region = eu-central-1

[profile ec2-role]
role_arn = arn:aws:iam::123456789012:role/Reader
credential_source = Ec2InstanceMetadata

${PROFILE_INI.ssoDev}region = us-west-2

${PROFILE_INI.legacySso}
[profile sso-chain]
role_arn = arn:aws:iam::444455556666:role/Deploy
source_profile = sso-dev

[profile vault]
credential_process = /usr/local/bin/vault-creds --profile vault

[profile ci]
role_arn = arn:aws:iam::123456789012:role/CI
web_identity_token_file = /var/run/token

[profile tuned]
region = ap-south-1
s3 =
  max_concurrent_requests = 20
cli_pager =

${PROFILE_INI.corpSession}sso_registration_scopes = sso:account:access
`;

const CREDENTIALS = `[default]
aws_access_key_id = EXAMPLEKEYID00000001
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[dev]
aws_access_key_id = EXAMPLEKEYID00000002
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
aws_session_token = FwoGZXIvYXdzEXAMPLE
`;

describe('parseIni', () => {
  it('reads sections, settings, comments and indented sub-settings as the SDK does', () => {
    const { sections, problems } = parseIni(CONFIG);
    expect(problems).toEqual([]);
    const dev = sections.find((s) => s.header === 'profile dev');
    expect(dev?.settings).toEqual({ region: 'us-east-2' });
    const tuned = sections.find((s) => s.header === 'profile tuned');
    expect(tuned?.settings).toEqual({ region: 'ap-south-1', 's3.max_concurrent_requests': '20' });
    expect(tuned?.lines['s3.max_concurrent_requests']).toBe(
      CONFIG.split('\n').indexOf('  max_concurrent_requests = 20') + 1,
    );
  });

  it('keeps a # that is not preceded by whitespace, and reads CRLF files', () => {
    const { sections } = parseIni('[profile x]\r\nrole_session_name = a#b\r\nregion=us-east-1 ; note\r\n');
    expect(sections[0]?.settings).toEqual({ role_session_name: 'a#b', region: 'us-east-1' });
  });

  it('names the line of each broken line without quoting its text', () => {
    const text = [
      'region = us-east-1', // 1: before any section
      '[profile ok]',
      'region = eu-west-1',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', // 4: a pasted key, no '='
      '= orphan', // 5
      '[profile broken', // 6
      '[]', // 7
    ].join('\n');
    const { problems, sections } = parseIni(text);
    expect(problems.map((p) => p.line)).toEqual([1, 4, 5, 6, 7]);
    expect(problems[1]?.message).not.toContain('wJalr');
    expect(problems[3]?.message).toContain("no closing ']'");
    expect(sections.map((s) => s.header)).toEqual(['profile ok']);
  });
});

describe('interpretAwsConfig', () => {
  const snapshot = interpretAwsConfig(PATHS, CONFIG, CREDENTIALS);
  const profile = (name: string) => {
    const entry = snapshot.profiles.get(name);
    if (!entry) throw new Error(`no profile ${name}`);
    return describeProfile(entry, snapshot.profiles, snapshot.ssoSessions);
  };

  it('finds every profile of both files, merged per key with the credentials file winning', () => {
    expect([...snapshot.profiles.keys()].sort()).toEqual(
      [
        'admin',
        'ci',
        'default',
        'dev',
        'ec2-role',
        'legacy-sso',
        'sso-chain',
        'sso-dev',
        'tuned',
        'vault',
      ].sort(),
    );
    expect(snapshot.problems).toEqual([]);
    expect(profile('default')).toMatchObject({
      kind: 'static',
      region: 'eu-west-1',
      source: 'config+credentials',
    });
    expect(profile('dev')).toMatchObject({ kind: 'static', temporary: true, region: 'us-east-2' });
  });

  it('classifies each kind and keeps the facts the UI shows, never a key', () => {
    expect(profile('admin')).toEqual({
      name: 'admin',
      label: 'admin',
      kind: 'assume-role',
      source: 'config',
      region: 'eu-central-1',
      roleArn: 'arn:aws:iam::123456789012:role/Admin',
      sourceProfile: 'dev',
      mfaSerial: 'arn:aws:iam::123456789012:mfa/alice',
    });
    expect(profile('ec2-role')).toMatchObject({
      kind: 'assume-role',
      credentialSource: 'Ec2InstanceMetadata',
    });
    expect(profile('sso-dev')).toMatchObject({
      kind: 'sso',
      ssoSession: 'corp',
      ssoStartUrl: 'https://corp.awsapps.com/start',
      loginCommand: 'aws sso login --profile sso-dev',
    });
    expect(profile('legacy-sso')).toMatchObject({
      kind: 'sso',
      ssoStartUrl: 'https://legacy.awsapps.com/start',
    });
    // A role whose source profile signs in with SSO needs that profile's login.
    expect(profile('sso-chain')).toMatchObject({
      kind: 'assume-role',
      loginCommand: 'aws sso login --profile sso-dev',
    });
    expect(profile('vault')).toMatchObject({ kind: 'process' });
    expect(profile('ci')).toMatchObject({ kind: 'web-identity' });
    expect(profile('tuned')).toMatchObject({ kind: 'none', region: 'ap-south-1' });
    expect(JSON.stringify([...snapshot.profiles.keys()].map(profile))).not.toMatch(
      /EXAMPLEKEY|FwoG|vault-creds/,
    );
  });

  it('names the file and the line of sections the SDK ignores', () => {
    const config = '[profile ok]\nregion = us-east-1\n\n[staging]\nregion = eu-west-1\n';
    const credentials = '[profile prod]\naws_access_key_id = A\naws_secret_access_key = B\n[@lab]\nx = 1\n';
    const { problems, profiles } = interpretAwsConfig(PATHS, config, credentials);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^\/home\/u\/\.aws\/config line 4: the section \[staging\] is ignored.*\[profile NAME\]/,
      ),
      expect.stringMatching(/^\/home\/u\/\.aws\/credentials line 1: .*written \[NAME\]/),
      expect.stringMatching(/^\/home\/u\/\.aws\/credentials line 4: .*'@lab' is reserved/),
    ]);
    expect([...profiles.keys()]).toEqual(['ok', 'profile prod']);
  });

  it('reports a broken line and an unreadable file by file name', () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const { problems, files } = interpretAwsConfig(PATHS, '[default]\nregion us-east-1\n', denied);
    expect(problems).toEqual([
      {
        file: PATHS.config,
        line: 2,
        message: `${PATHS.config} line 2: neither 'name = value' nor a [section] header; the SDK skips it`,
      },
      {
        file: PATHS.credentials,
        message: `${PATHS.credentials}: could not be read (EACCES: permission denied)`,
      },
    ]);
    expect(files).toEqual({
      config: { path: PATHS.config, exists: true },
      credentials: { path: PATHS.credentials, exists: false },
    });
  });

  it('reports source_profile and sso_session references that name nothing, at their line', () => {
    const config =
      '[profile a]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = nope\n[profile b]\nsso_session = gone\n';
    const problems = referenceProblems(interpretAwsConfig(PATHS, config, undefined));
    expect(problems.map((p) => p.message)).toEqual([
      `${PATHS.config} line 3: source_profile 'nope' names no profile`,
      `${PATHS.config} line 5: sso_session 'gone' has no [sso-session gone] section`,
    ]);
  });
});

describe('profileKind', () => {
  it('follows the SDK: a role before static keys, source_profile and credential_source exclusive', () => {
    const keys = { aws_access_key_id: 'A', aws_secret_access_key: 'B' };
    expect(profileKind({ ...keys, role_arn: 'r', source_profile: 'x' })).toBe('assume-role');
    expect(
      profileKind({ ...keys, role_arn: 'r', source_profile: 'x', credential_source: 'Environment' }),
    ).toBe('static');
    expect(profileKind({ login_session: 'arn:aws:iam::1:user/a' })).toBe('login');
    expect(profileKind({})).toBe('none');
  });
});

describe('awsConfigPaths', () => {
  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, expanding ~/', () => {
    expect(awsConfigPaths({ HOME: '/h' })).toEqual({
      config: '/h/.aws/config',
      credentials: '/h/.aws/credentials',
    });
    expect(
      awsConfigPaths({
        HOME: '/h',
        AWS_CONFIG_FILE: '~/cfg/aws',
        AWS_SHARED_CREDENTIALS_FILE: '/etc/aws-creds',
      }),
    ).toEqual({ config: '/h/cfg/aws', credentials: '/etc/aws-creds' });
  });
});
