import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { AwsPanel } from './pages/aws-panel';
import { SecretsView } from './pages/secrets-view';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode';

let dataDir: string;
let app: BrowserModeApp;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rdx-e2e-secrets-'));
  // A new user with no AWS files: the local lab is the one AWS profile that works.
  app = await startBrowserMode(dataDir, {
    RDX_LAB: 'on',
    RDX_LAB_PORT: '0',
    AWS_CONFIG_FILE: join(dataDir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dataDir, 'no-aws-credentials'),
    AWS_PROFILE: '',
    AWS_ACCESS_KEY_ID: '',
  });
});

test.afterAll(async () => {
  await app?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function keepScreenshot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

test('a new user browses the lab secrets, finds the master secret of myrdslab, and sees the lab has no CloudWatch', async ({
  page,
}) => {
  // The lab starts MariaDB instances and seeds them before its secrets exist.
  test.setTimeout(300_000);
  const ui = new AppPage(page);
  await ui.goto(app.url);
  const aws = new AwsPanel(page);
  await aws.chooseProfile('Local lab');
  await aws.waitIdentity(240_000);

  const secrets = await SecretsView.open(page);
  await secrets.waitLoaded();
  await expect(secrets.valuesNote).toHaveText('Values stay in the main process');
  await expect(secrets.regionErrors).toHaveCount(0);
  const master = secrets.rowsNamed('rds!db-');
  await expect(master).toHaveCount(1, { timeout: 60_000 });
  await expect(master).toHaveAttribute('data-owner', 'myrdslab');
  await expect(master).toHaveAttribute('data-rotation', 'on');
  await expect(master.getByTestId('secret-owner')).toContainText('myrdslab');
  await expect(master.getByTestId('secret-rotation')).toHaveText('on');
  // No value, nor anything shaped like one, reaches the page.
  await expect(secrets.root).not.toContainText('password');
  await keepScreenshot(page, 'secrets-list');

  await secrets.filter('no-such-secret');
  await expect(secrets.rows).toHaveCount(0);
  await expect(secrets.root.getByTestId('secrets-no-match')).toBeVisible();
  await secrets.filter('myrdslab');
  await expect(master).toHaveCount(1);

  // Same page (browser mode's URL token opens one page): the lab has no CloudWatch, and says so.
  const rds = await aws.openRdsInstances();
  await rds.waitLoaded();
  const detail = await rds.openDetail('myrdslab');
  await detail.getByTestId('detail-tab-metrics').click();
  const metrics = detail.getByTestId('metrics-panel');
  await expect(metrics).toHaveAttribute('data-state', 'unavailable');
  await expect(metrics).toContainText('CloudWatch is not available on the local lab');
  await keepScreenshot(page, 'rds-metrics-lab');
});
