import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { AwsPanel } from './pages/aws-panel';
import { keepScreenshot, useLabApp } from './support/lab-app';

const app = useLabApp({ dataDirPrefix: 'rdx-e2e-rds-' });

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
