import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { e2eEnv as env, harnessDb } from './support/harness-db';

const NAME = 'stored password e2e';

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  const app = new AppPage(page);
  await app.goto(env('E2E_APP_URL'));
  if (await app.profileItem(NAME).count()) await app.deleteProfile(NAME);
  await page.close();
});

test('testing an edited profile against another server asks for the password instead of sending the saved one', async ({
  page,
}) => {
  const db = harnessDb();
  const app = new AppPage(page);
  await app.goto(env('E2E_APP_URL'));
  await app.addProfile({ name: NAME, host: db.host, port: String(db.port), user: db.user }, db.password);

  // Untouched address: the saved password is used.
  let form = await app.editProfile(NAME);
  await form.testButton.click();
  await expect(form.testResult).toHaveAttribute('data-state', 'success');

  // Another server (the harness replica, same user and password): the saved password stays home.
  await form.fill({ port: env('E2E_REPLICA_PORT') });
  await form.testButton.click();
  await expect(form.testResult).toHaveAttribute('data-state', 'error');
  await expect(form.testResult).toHaveAttribute('data-withheld', 'password');
  await expect(form.testResult).toContainText('Enter the password again');
  await expect(form.testResult).toContainText(
    'Port changed: enter the password to test against the new port.',
  );
  const shot = test.info().outputPath('profile-test-withheld.png');
  await page.screenshot({ path: shot });
  await test.info().attach('profile-test-withheld', { path: shot, contentType: 'image/png' });

  // Typed again, it is sent there.
  await form.setPassword(db.password);
  await form.testButton.click();
  await expect(form.testResult).toHaveAttribute('data-state', 'success');
  await form.cancelButton.click();
  form = await app.editProfile(NAME);
  await expect(form.field('port')).toHaveValue(String(db.port));
  await form.cancelButton.click();
});
