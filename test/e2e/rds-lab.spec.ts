import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { AwsPanel } from './pages/aws-panel';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode';

let dataDir: string;
let app: BrowserModeApp;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rdx-e2e-rds-'));
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

test('a new user explores the lab instances, adds a replica and queries the primary with its master secret', async ({
  page,
}) => {
  // Starting the lab (MariaDB instances, seeding) and copying the primary for a replica take minutes.
  test.setTimeout(480_000);
  const ui = new AppPage(page);
  await ui.goto(app.url);

  const aws = new AwsPanel(page);
  await aws.chooseProfile('Local lab');
  expect(await aws.profileKind()).toBe('lab');
  await aws.waitIdentity(240_000);
  await expect(aws.account).toHaveText(/^\d{12}$/);
  await expect(aws.arn).toContainText('arn:aws:');

  const rds = await aws.openRdsInstances();
  await rds.waitLoaded();
  await expect(rds.row('myrdslab')).toHaveAttribute('data-role', 'primary');
  await expect(rds.row('myrdslab')).toHaveAttribute('data-status', 'available', { timeout: 60_000 });
  await expect(rds.row('myrdslab-replica')).toHaveAttribute('data-role', 'replica');
  await expect(rds.row('myrdslab-replica')).toContainText('replica of myrdslab');
  await expect(rds.regionErrors).toHaveCount(0);
  const detail = await rds.openDetail('myrdslab');
  await expect(detail.locator('[data-field="Master secret"]')).toContainText('secret:rds!db-');
  await keepScreenshot(page, 'rds-instances');

  await rds.showTopology();
  await expect(rds.topologyNode('myrdslab')).toBeVisible();
  await expect(rds.topologyNode('myrdslab-replica')).toHaveAttribute('data-replication', 'replicating');
  await expect(rds.topologyEdge('myrdslab', 'myrdslab-replica')).toBeVisible();
  await keepScreenshot(page, 'rds-topology');

  await rds.showTable();
  await rds.createReplica('myrdslab', 'myrdslab-replica-2');
  await expect(rds.operation('myrdslab-replica-2')).toBeVisible();
  await expect(rds.row('myrdslab-replica-2')).toBeVisible({ timeout: 30_000 });
  await keepScreenshot(page, 'rds-replica-creating');
  await rds.waitOperationDone('myrdslab-replica-2', 300_000);
  await expect(rds.row('myrdslab-replica-2')).toHaveAttribute('data-status', 'available');
  await expect(rds.row('myrdslab-replica-2')).toContainText('replica of myrdslab');
  await keepScreenshot(page, 'rds-replica-available');

  await rds.showTopology();
  await expect(rds.topologyNodes).toHaveCount(3);
  await expect(rds.topologyEdge('myrdslab', 'myrdslab-replica-2')).toBeVisible();
  await keepScreenshot(page, 'rds-topology-two-replicas');

  await rds.showTable();
  const tab = await rds.connect('myrdslab');
  await tab.waitConnected();
  await tab.typeSql('SELECT * FROM demo.users');
  await tab.run();
  expect(await tab.resultState()).toBe('done');
  await expect(tab.grid).toContainText('Monowar');
  await expect(ui.profileItem('myrdslab')).toBeVisible();
  await keepScreenshot(page, 'rds-connected-query');
});
