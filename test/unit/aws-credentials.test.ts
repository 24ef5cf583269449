import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromEnv, fromIni } from '@aws-sdk/credential-providers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AwsCredentials } from '../../src/main/aws/client-config';
import { CredentialCache } from '../../src/main/aws/credential-cache';
import { CredentialResolver } from '../../src/main/aws/credential-resolver';
import { AwsProfileCatalog } from '../../src/main/aws/profile-catalog';
import { AppError } from '../../src/shared/errors';
import { makeAwsConfigHome, PROFILE_INI, type AwsConfigHome } from './support/aws-config-home';

let configHome: AwsConfigHome;
let home: string;
let paths: { config: string; credentials: string };

const CONFIG = `${PROFILE_INI.keys}
${PROFILE_INI.adminWithMfa}
${PROFILE_INI.ssoDev}region = us-west-2

${PROFILE_INI.legacySso}
[profile deploy]
role_arn = arn:aws:iam::444455556666:role/Deploy
source_profile = sso-dev

[profile empty]
region = ap-south-1

[profile broken-process]
credential_process = /bin/false

${PROFILE_INI.corpSession}`;

const CREDENTIALS = `[keys]
aws_access_key_id = AKIAKEYS
aws_secret_access_key = secret-keys
`;

beforeEach(async () => {
  configHome = await makeAwsConfigHome({ config: CONFIG, credentials: CREDENTIALS });
  ({ dir: home, paths } = configHome);
});

afterEach(async () => {
  await configHome.remove();
});

const noLab = { awsTarget: () => undefined };

function resolverWith(mfaCode = vi.fn(async () => '123456'), sdk = { fromIni, fromEnv }) {
  const catalog = new AwsProfileCatalog({ lab: noLab, env: { HOME: home }, paths });
  return { catalog, mfaCode, resolver: new CredentialResolver({ mfaCode, sdk }) };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('CredentialResolver with the SDK providers', () => {
  it('resolves static keys from the credentials file named by the catalog', async () => {
    const { catalog, resolver } = resolverWith();
    const provider = resolver.providerFor(await catalog.find('keys'), 'us-east-1');
    await expect(provider()).resolves.toMatchObject({
      accessKeyId: 'AKIAKEYS',
      secretAccessKey: 'secret-keys',
    });
  });

  it('names the exact aws sso login command when the SSO token is missing', async () => {
    const { catalog, resolver } = resolverWith();
    const err = await failure(resolver.providerFor(await catalog.find('sso-dev'), 'us-east-1')());
    expect(err.code).toBe('SSO_EXPIRED');
    expect(err.message).toContain('`aws sso login --profile sso-dev`');
    expect(err.details).toMatchObject({ command: 'aws sso login --profile sso-dev' });
  });

  it('names the command when a legacy SSO token has expired', async () => {
    const startUrl = 'https://legacy.awsapps.com/start';
    const cacheDir = join(home, '.aws', 'sso', 'cache');
    await mkdir(cacheDir, { recursive: true });
    const file = `${createHash('sha1').update(startUrl).digest('hex')}.json`;
    const expired = { accessToken: 't', expiresAt: '2020-01-01T00:00:00Z', region: 'us-east-1', startUrl };
    await writeFile(join(cacheDir, file), JSON.stringify(expired));
    const { catalog, resolver } = resolverWith();
    const err = await failure(resolver.providerFor(await catalog.find('legacy-sso'), 'us-east-1')());
    expect(err.code).toBe('SSO_EXPIRED');
    expect(err.message).toContain('aws sso login --profile legacy-sso');
  });

  it('sends a role sourced from an SSO profile to that profile’s login', async () => {
    const { catalog, resolver } = resolverWith();
    const err = await failure(resolver.providerFor(await catalog.find('deploy'), 'us-east-1')());
    expect(err).toMatchObject({ code: 'SSO_EXPIRED', details: { profile: 'deploy', ssoProfile: 'sso-dev' } });
  });

  it('says what to run when a profile has no credentials at all', async () => {
    const { catalog, resolver } = resolverWith();
    const err = await failure(resolver.providerFor(await catalog.find('empty'), 'us-east-1')());
    expect(err.code).toBe('CREDENTIALS_MISSING');
    expect(err.message).toContain('aws configure --profile empty');
    expect(err.message).toContain(paths.credentials);
  });

  it('reports a failing credential_process as CREDENTIALS_MISSING', async () => {
    const { catalog, resolver } = resolverWith();
    const err = await failure(resolver.providerFor(await catalog.find('broken-process'), 'us-east-1')());
    expect(err.code).toBe('CREDENTIALS_MISSING');
    expect(err.message).toContain('credential_process of profile broken-process');
  });

  it('asks for the MFA code through the prompt and passes it to AssumeRole', async () => {
    const roleAssumer = vi.fn(
      async (_source: unknown, params: { TokenCode?: string; SerialNumber?: string }) => ({
        accessKeyId: 'ASIAROLE',
        secretAccessKey: 'role-secret',
        sessionToken: `token-for-${params.TokenCode}`,
        expiration: new Date(Date.now() + 3_600_000),
      }),
    );
    const sdk = {
      fromIni: (init: Parameters<typeof fromIni>[0]) => fromIni({ ...init, roleAssumer }),
      fromEnv,
    };
    const { catalog, resolver, mfaCode } = resolverWith(undefined, sdk);
    const provider = resolver.providerFor(await catalog.find('admin'), 'us-east-1');
    // Three regions at once share one resolution: one prompt, one AssumeRole.
    const all = await Promise.all([provider(), provider(), provider()]);
    expect(all.map((c) => c.sessionToken)).toEqual(Array(3).fill('token-for-123456'));
    expect(mfaCode).toHaveBeenCalledTimes(1);
    expect(mfaCode).toHaveBeenCalledWith('admin', 'arn:aws:iam::123456789012:mfa/alice');
    expect(roleAssumer).toHaveBeenCalledTimes(1);
    expect(roleAssumer.mock.calls[0]?.[1]).toMatchObject({
      RoleArn: 'arn:aws:iam::123456789012:role/Admin',
      SerialNumber: 'arn:aws:iam::123456789012:mfa/alice',
    });
  });

  it('lets a cancelled MFA prompt fail the call with CANCELLED', async () => {
    const cancelled = vi.fn(async () => {
      throw new AppError('CANCELLED', 'MFA code entry was cancelled.');
    });
    const sdk = {
      fromIni: (init: Parameters<typeof fromIni>[0]) => fromIni({ ...init, roleAssumer: vi.fn() }),
      fromEnv,
    };
    const { catalog, resolver } = resolverWith(cancelled, sdk);
    const err = await failure(resolver.providerFor(await catalog.find('admin'), 'us-east-1')());
    expect(err.code).toBe('CANCELLED');
  });

  it('uses fromEnv for the environment profile', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAENV');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'env-secret');
    const catalog = new AwsProfileCatalog({ lab: noLab, paths });
    const resolver = new CredentialResolver({ mfaCode: vi.fn() });
    const provider = resolver.providerFor(await catalog.find('@env'), 'us-east-1');
    await expect(provider()).resolves.toMatchObject({ accessKeyId: 'AKIAENV' });
  });
});

describe('CredentialCache', () => {
  const creds = (n: number, expiresInMs?: number, now = 0): AwsCredentials => ({
    accessKeyId: `K${n}`,
    secretAccessKey: 's',
    ...(expiresInMs === undefined ? {} : { expiration: new Date(now + expiresInMs) }),
  });

  it('resolves once, again near expiry, and again when the profile’s settings change', async () => {
    let now = 0;
    let n = 0;
    const cache = new CredentialCache(() => now);
    const resolve = vi.fn(async () => creds(++n, 3_600_000));
    expect((await cache.get('p', 'v1', resolve)).accessKeyId).toBe('K1');
    expect((await cache.get('p', 'v1', resolve)).accessKeyId).toBe('K1');
    now = 3_600_000 - 60_000; // one minute before expiry: inside the refresh margin
    expect((await cache.get('p', 'v1', resolve)).accessKeyId).toBe('K2');
    expect((await cache.get('p', 'v2', resolve)).accessKeyId).toBe('K3');
    expect(resolve).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failure: the next call after `aws sso login` resolves', async () => {
    const cache = new CredentialCache();
    const resolve = vi.fn<() => Promise<AwsCredentials>>().mockRejectedValueOnce(new Error('expired'));
    resolve.mockResolvedValueOnce(creds(1));
    await expect(cache.get('p', 'v', resolve)).rejects.toThrow('expired');
    await expect(cache.get('p', 'v', resolve)).resolves.toMatchObject({ accessKeyId: 'K1' });
  });
});
