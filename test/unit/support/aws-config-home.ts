import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

/** Profile sections as the AWS CLI docs write them, for composing the config file a test needs. */
export const PROFILE_INI = {
  /** Static keys (from the credentials file) with a region. */
  keys: `[profile keys]
region = eu-west-1
`,
  /** A role assumed from `keys`, behind MFA. */
  adminWithMfa: `[profile admin]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = keys
mfa_serial = arn:aws:iam::123456789012:mfa/alice
`,
  /** IAM Identity Center through the `corp` session; a test may add settings below it (a region). */
  ssoDev: `[profile sso-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = ReadOnly
`,
  /** The older SSO form, with the start URL in the profile itself. */
  legacySso: `[profile legacy-sso]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = Admin
`,
  corpSession: `[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
`,
};

export interface AwsConfigHome {
  /** The temp dir, which is also $HOME. */
  dir: string;
  paths: { config: string; credentials: string };
  /** Undoes every env stub (the test's own too) and removes the dir. */
  remove(): Promise<void>;
}

/**
 * A temp dir holding the given AWS `config` and `credentials` files, with HOME, AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE pointed at it: the SDK's SSO providers look for their token cache under
 * $HOME/.aws/sso/cache, and read the files from these variables whatever paths fromIni was given.
 */
export async function makeAwsConfigHome(files: {
  config: string;
  credentials: string;
}): Promise<AwsConfigHome> {
  const dir = await mkdtemp(join(tmpdir(), 'rdx-aws-home-'));
  const paths = { config: join(dir, 'config'), credentials: join(dir, 'credentials') };
  await writeFile(paths.config, files.config);
  await writeFile(paths.credentials, files.credentials);
  vi.stubEnv('HOME', dir);
  vi.stubEnv('AWS_CONFIG_FILE', paths.config);
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', paths.credentials);
  return {
    dir,
    paths,
    remove: async () => {
      vi.unstubAllEnvs();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
