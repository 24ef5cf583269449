import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { AwsPanel } from './pages/aws-panel';
import { SecretsView } from './pages/secrets-view';
import { keepScreenshot, useLabApp } from './support/lab-app';

const app = useLabApp({ dataDirPrefix: 'rdx-e2e-secrets-' });

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
