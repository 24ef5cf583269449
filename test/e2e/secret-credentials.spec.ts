import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { AwsPanel } from './pages/aws-panel';
import { useLabApp } from './support/lab-app';

const app = useLabApp({ dataDirPrefix: 'rdx-e2e-secret-creds-' });

test('a connection added by hand takes its password from the master secret of myrdslab', async ({ page }) => {
  // The lab starts MariaDB instances and seeds them before its secrets exist.
  test.setTimeout(300_000);
  const ui = new AppPage(page);
  await ui.goto(app.url);
  await expect(page.getByTestId('lab-status')).toHaveAttribute('data-lab-state', 'ready', {
    timeout: 240_000,
  });

  // The endpoint as the RDS table shows it: the lab publishes its instances on local ports.
  const aws = new AwsPanel(page);
  await aws.chooseProfile('Local lab');
  await aws.waitIdentity(60_000);
  const rds = await aws.openRdsInstances();
  await rds.waitLoaded();
  const primary = rds.row('myrdslab');
  await expect(primary).toHaveAttribute('data-status', 'available', { timeout: 60_000 });
  const port = /:(\d{2,5})\b/.exec(await primary.innerText())?.[1];
  expect(port, 'myrdslab endpoint port').toBeDefined();

  const form = await ui.openNewProfileForm();
  await form.fill({ name: 'lab by secret', host: '127.0.0.1', port: Number(port), user: 'admin' });
  await form.useSecret('Local lab', 'rds!db-');
  await expect(form.passwordInput).toHaveCount(0);
  await expect(form.root.getByTestId('field-credentials-secretArn')).toHaveValue(/^rds!db-/);
  await expect(form.root).toContainText('Master secret of myrdslab');
  expect(await form.testConnection()).toContain('MariaDB');
  expect(await form.testState()).toBe('success');
  // No secret value reaches the page, only names.
  await expect(form.root).not.toContainText('password":');
  const shot = test.info().outputPath('secret-credentials-form.png');
  await form.root.screenshot({ path: shot, animations: 'disabled' });
  await test.info().attach('secret-credentials-form', { path: shot, contentType: 'image/png' });
  await form.save();

  const tab = await ui.openProfile('lab by secret');
  await tab.waitConnected();
  await tab.typeSql('SELECT COUNT(*) FROM demo.users');
  await tab.run();
  expect(await tab.resultState()).toBe('done');
  await expect(tab.resultCell(0, 0)).toHaveText('2');
});
