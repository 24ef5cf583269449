import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { e2eEnv as env, harnessDb } from './support/harness-db';

const db = () => harnessDb();

test.describe.configure({ mode: 'serial' });

test('a new user adds a profile, tests it, connects and runs SELECT 1', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto(env('E2E_APP_URL'));
  await expect(app.modeBadge).toHaveText(/browser mode/i);
  await expect(app.emptyState).toBeVisible();
  // The token is kept out of the address bar once the page has it.
  expect(page.url()).not.toContain('token=');

  const form = await app.openNewProfileForm();
  await form.fill({ name: '', host: 'bad host!', port: 'abc' });
  await form.submit();
  await expect(form.fieldError('name')).toHaveText('Name is required');
  await expect(form.fieldError('host')).toHaveText('Not a valid host name or IP address');
  await expect(form.fieldError('port')).not.toBeEmpty();
  await expect(form.root).toBeVisible();

  const { host, port, user, password } = db();
  await form.fill({ name: 'harness primary', host, port, user, color: 'teal' });
  await form.setPassword('not-the-password');
  expect(await form.testConnection()).toMatch(/password/i);
  expect(await form.testState()).toBe('error');
  await form.setPassword(password);
  expect(await form.testConnection()).toMatch(/MariaDB/);
  expect(await form.testState()).toBe('success');
  await form.save();
  await expect(app.profileItem('harness primary')).toContainText(`${user}@${host}:${port}`);

  const tab = await app.openProfile('harness primary');
  await tab.waitConnected();
  await tab.typeSql('SELECT 1');
  await tab.run();
  expect(await tab.resultState()).toBe('done');
  await expect(tab.resultCell(0, 0)).toHaveText('1');
  await expect(tab.headers.first()).toContainText('INT');
  expect(await tab.statusText()).toMatch(/^1 row · [\d.]+ ms/);

  const shot = test.info().outputPath('sql-slice.png');
  await page.screenshot({ path: shot });
  await test.info().attach('sql-slice', { path: shot, contentType: 'image/png' });
});

test("an invalid statement shows the server's message and keeps the editor text", async ({ page }) => {
  const app = new AppPage(page);
  await app.goto(env('E2E_APP_URL'));
  const tab = await app.openProfile('harness primary');
  await tab.typeSql('SELEC 1');
  await tab.run();
  expect(await tab.resultState()).toBe('error');
  expect(await tab.errorText()).toContain('You have an error in your SQL syntax');
  expect(await tab.editorText()).toContain('SELEC 1');
  await page.screenshot({ path: test.info().outputPath('sql-error.png') });
});

test('without the token the page says where to find it, and its API stays shut', async ({ page }) => {
  const url = new URL(env('E2E_APP_URL'));
  // The bundle holds no secrets and loads; the socket is refused, and the page explains.
  await page.goto(`${url.origin}/`);
  const app = new AppPage(page);
  await expect(app.connectionRefused).toContainText('Open the URL printed in the terminal');
});
