import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { e2eEnv as env, addHarnessProfile } from './support/harness-db';

const PROFILE = 'results e2e';

test.describe.configure({ mode: 'serial' });

// The specs share one app: leave it as found (the SQL slice spec starts from an empty profile list).
test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  const app = new AppPage(page);
  await app.goto(env('E2E_APP_URL'));
  if (await app.profileItem(PROFILE).count()) await app.deleteProfile(PROFILE);
  await page.close();
});

test('a 100,000-row result stops at the row limit, fetches all, and scrolls to its last row', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.goto(env('E2E_APP_URL'));
  await // Any existing database: the Sequence engine's seq_1_to_N tables need one.
  addHarnessProfile(app, PROFILE, 'mysql');
  const tab = await app.openProfile(PROFILE);
  await tab.typeSql(
    "SELECT seq, seq * 2 AS twice, CONCAT('row ', seq) AS label, NULL AS nothing, '' AS empty FROM seq_1_to_100000",
  );
  await tab.run();
  const status = tab.results.getByTestId('result-status');
  await expect(status).toHaveAttribute('data-complete', 'true');
  await expect(tab.results.getByTestId('result-limit')).toContainText('stopped at 10,000 rows');
  await expect(tab.headers.first()).toContainText('BIGINT');
  // NULL and the empty string look different.
  await expect(tab.resultCell(0, 3)).toHaveText('NULL');
  await expect(tab.resultCell(0, 4)).toHaveText('');
  await expect(tab.resultCell(0, 4).getByLabel('empty string')).toHaveCount(1);

  await tab.results.getByTestId('fetch-all').click();
  await expect(status).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });
  await expect(status).toContainText('100,000 rows');
  await expect(tab.grid).toHaveAttribute('data-total', '100000');

  // Scroll to the end: the rows there are pulled from the main process as they come into view.
  await tab.grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(tab.resultCell(99_999, 0)).toHaveText('100000');
  await expect(tab.resultCell(99_999, 2)).toHaveText('row 100000');
  await tab.grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(tab.results.locator('[data-testid="result-cell"][data-col="2"]').first()).toHaveText(
    /^row \d+$/,
  );

  // Sort by a header click: the largest seq comes first.
  await tab.headers.nth(0).click();
  await tab.headers.nth(0).click();
  await expect(tab.headers.nth(0)).toHaveAttribute('aria-sort', 'descending');
  await tab.grid.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(tab.resultCell(0, 0)).toHaveText('100000');

  // The cell viewer shows a value in full.
  await tab.resultCell(0, 2).dblclick();
  await expect(page.getByTestId('cell-viewer-text')).toHaveText('row 100000');
  await page.keyboard.press('Escape');

  const shot = test.info().outputPath('sql-results.png');
  await page.screenshot({ path: shot });
  await test.info().attach('sql-results', { path: shot, contentType: 'image/png' });
});

test('SELECT SLEEP(30) is cancelled from the results panel and the tab keeps working', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto(env('E2E_APP_URL'));
  const tab = await app.openProfile(PROFILE);
  await tab.waitConnected();
  await tab.typeSql('SELECT SLEEP(30)');
  await page.keyboard.press('ControlOrMeta+Enter');
  const cancel = tab.results.getByTestId('cancel-query');
  await expect(cancel).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sql-running.png') });
  await cancel.click();
  await expect(tab.resultError).toContainText('Query cancelled');
  await tab.typeSql('SELECT 42');
  await tab.run();
  await expect(tab.resultCell(0, 0)).toHaveText('42');
});
