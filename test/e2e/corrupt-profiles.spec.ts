import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode';

let dataDir: string;
let app: BrowserModeApp;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rdx-e2e-corrupt-'));
  await writeFile(join(dataDir, 'profiles.json'), '{"version":1,"profiles":[{"name":"half a fi');
  app = await startBrowserMode(dataDir);
});

test.afterAll(async () => {
  await app?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('a corrupt profiles file is moved aside and reported, and the app still opens', async ({ page }) => {
  const ui = new AppPage(page);
  await ui.goto(app.url);
  await expect(ui.profilesWarning).toContainText('moved to');
  await expect(ui.emptyState).toBeVisible();
  const files = await readdir(dataDir);
  expect(files.some((f) => f.startsWith('profiles.json.corrupt-'))).toBe(true);
  await page.screenshot({ path: test.info().outputPath('corrupt-profiles.png') });
});
