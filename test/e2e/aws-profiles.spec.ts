import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { AwsPanel } from './pages/aws-panel';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode';

// Profiles that fail before any network call: an SSO session never started, a profile without keys,
// a role behind MFA; and a broken line the SDK would skip.
const CONFIG = `[profile sso-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Dev
region = eu-central-1

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = eu-west-1

[profile nocreds]
region = ap-southeast-2

[profile role-mfa]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = keys
mfa_serial = arn:aws:iam::111122223333:mfa/me

[profile broken
region = us-east-1
`;
const CREDENTIALS = `[keys]
aws_access_key_id = FAKEKEYIDFORTESTS01
aws_secret_access_key = not-a-real-secret
`;

let dataDir: string;
let app: BrowserModeApp;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rdx-e2e-aws-'));
  await writeFile(join(dataDir, 'aws-config'), CONFIG);
  await writeFile(join(dataDir, 'aws-credentials'), CREDENTIALS);
  app = await startBrowserMode(dataDir, {
    RDX_LAB: 'off',
    AWS_CONFIG_FILE: join(dataDir, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dataDir, 'aws-credentials'),
    AWS_PROFILE: '',
    AWS_ACCESS_KEY_ID: '',
  });
});

test.afterAll(async () => {
  await app?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('AWS profile problems are explained with what to do next', async ({ page }) => {
  const ui = new AppPage(page);
  await ui.goto(app.url);
  const aws = new AwsPanel(page);
  const brokenLine = CONFIG.split('\n').indexOf('[profile broken') + 1;
  await expect(aws.configProblems).toContainText(`${join(dataDir, 'aws-config')} line ${brokenLine}`);

  await aws.chooseProfile('sso-dev');
  expect(await aws.profileKind()).toBe('sso');
  await expect(aws.error).toHaveAttribute('data-code', 'SSO_EXPIRED');
  await expect(aws.root.getByTestId('sso-command')).toHaveText('aws sso login --profile sso-dev');
  await page.screenshot({ path: test.info().outputPath('aws-sso-expired.png'), animations: 'disabled' });

  await aws.chooseProfile('nocreds');
  await expect(aws.error).toHaveAttribute('data-code', 'CREDENTIALS_MISSING');
  await expect(aws.error).toContainText('aws configure --profile nocreds');

  await aws.chooseProfile('role-mfa');
  const mfa = page.getByTestId('mfa-dialog');
  await expect(mfa).toContainText('arn:aws:iam::111122223333:mfa/me');
  // The code boxes take the focus, so a user can type the code at once.
  await expect(mfa.locator('input').first()).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('aws-mfa-prompt.png'), animations: 'disabled' });
  await mfa.getByTestId('mfa-cancel').click();
  await expect(aws.error).toHaveAttribute('data-code', 'CANCELLED');

  await aws.chooseProfile('Local lab');
  await expect(aws.root.getByTestId('lab-not-running')).toContainText('The local lab is off');
});
