import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode';

let dataDir: string;
let app: BrowserModeApp;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rdx-e2e-lab-'));
  // A new user: no AWS files (they point nowhere), no saved connection, so the lab starts by itself.
  app = await startBrowserMode(dataDir, {
    RDX_LAB: '',
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

test('a new user with no AWS configuration gets the local lab with the course instances', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const ui = new AppPage(page);
  await ui.goto(app.url);
  const bar = page.getByTestId('lab-status');
  await expect(bar).toHaveAttribute('data-lab-state', 'ready', { timeout: 200_000 });
  await expect(bar).toContainText('Local lab ready');
  await expect(page.getByTestId('lab-instances')).toContainText('myrdslab (available)', { timeout: 30_000 });
  await expect(page.getByTestId('lab-instances')).toContainText('myrdslab-replica (available)');
  await expect(bar).toContainText('DynamoDB');
  await page.screenshot({ path: test.info().outputPath('lab-status.png') });
});
