import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import mysql from 'mysql2/promise';
import { AppPage } from './pages/app-page';
import { SqlWorkspace } from './pages/sql-workspace';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode';
import { keepScreenshot } from './support/lab-app';
import { harnessDb } from './support/harness-db';

const db = () => harnessDb();

const DATABASE = 'e2e_editor';
const PROFILE = 'editor e2e';
let dataDir: string;
let app: BrowserModeApp;
let admin: mysql.Connection;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  admin = await mysql.createConnection({ ...db(), multipleStatements: true });
  await admin.query(
    `DROP DATABASE IF EXISTS ${DATABASE}; CREATE DATABASE ${DATABASE};
     CREATE TABLE ${DATABASE}.users (id INT PRIMARY KEY, name VARCHAR(40));
     INSERT INTO ${DATABASE}.users VALUES (1, 'ada'), (2, 'grace');
     CREATE TABLE ${DATABASE}.doomed (id INT);`,
  );
  // Its own app and data dir: the shared one starts empty for sql-slice.spec.ts.
  dataDir = await mkdtemp(join(tmpdir(), 'rdx-e2e-editor-'));
  app = await startBrowserMode(dataDir);
});

test.afterAll(async () => {
  await app?.stop();
  await rm(dataDir, { recursive: true, force: true });
  await admin?.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin?.end();
});

async function tableExists(name: string): Promise<boolean> {
  const [rows] = await admin.query(
    'SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = ?',
    [DATABASE, name],
  );
  return Number((rows as { n: number }[])[0]?.n) === 1;
}

async function openWorkspace(page: Page): Promise<SqlWorkspace> {
  const ui = new AppPage(page);
  await ui.goto(app.url);
  if ((await ui.profileItem(PROFILE).count()) === 0) {
    const { host, port, user, password } = db();
    await ui.addProfile({ name: PROFILE, host, port, user, database: DATABASE, color: 'grape' }, password);
  }
  await ui.openProfile(PROFILE);
  const tab = new SqlWorkspace(page);
  await tab.waitConnected();
  return tab;
}

test('runs the whole script with one result tab per statement, or only the statement at the cursor', async ({
  page,
}) => {
  const tab = await openWorkspace(page);
  await expect(tab.currentDatabase).toHaveText(DATABASE);
  await tab.typeSql('SELECT id, name FROM users ORDER BY id;\nSELECT COUNT(*) AS total FROM users;');
  await tab.runScript();

  await expect(tab.resultTabs).toHaveCount(2);
  await expect(tab.resultTab(0)).toHaveText('SELECT id, name FROM users…');
  await expect(tab.resultTab(1)).toHaveText('SELECT COUNT(*) AS total FR…');
  // The last statement's result is shown; the first is one click away.
  await expect(tab.resultCell(0, 0)).toHaveText('2');
  await tab.resultTab(0).click();
  await expect(tab.resultCell(1, 1)).toHaveText('grace');
  await keepScreenshot(page, 'sql-editor-results');

  await tab.cursorToLine(1);
  await tab.run();
  await expect(tab.resultTabs).toHaveCount(1);
  await expect(tab.resultTab(0)).toHaveText('SELECT id, name FROM users…');
});

test('a syntax error is marked at its line and the run stops there', async ({ page }) => {
  const tab = await openWorkspace(page);
  await tab.typeSql('SELECT 1;\nSELECT *\nFRM users;\nSELECT 3;');
  await tab.runScriptByKeyboard();

  await expect(tab.resultTabs).toHaveCount(3);
  await expect(tab.resultTab(0)).toHaveAttribute('data-status', 'done');
  await expect(tab.resultTab(1)).toHaveAttribute('data-status', 'error');
  await expect(tab.resultTab(2)).toHaveAttribute('data-status', 'skipped');
  // The failed statement's tab is brought to the front with the server's message.
  await expect(tab.resultError).toContainText('You have an error in your SQL syntax');
  await expect(tab.resultError).toContainText('the statement after this one was not run');
  // "near 'FRM users' at line 2" of the statement, which starts on the editor's line 2.
  expect(await tab.errorMarker()).toBe('3:1');
  await expect(tab.resultError.getByTestId('error-place')).toHaveText(
    'Marked in the editor at line 3, column 1.',
  );
  await expect(tab.editor.locator('.squiggly-error')).toBeVisible();
  await keepScreenshot(page, 'sql-editor-error');
});

test('DROP TABLE asks for confirmation first; Cancel sends nothing, Run drops it', async ({ page }) => {
  const tab = await openWorkspace(page);
  await tab.typeSql('DROP TABLE doomed');
  const before = await tab.results.getAttribute('data-run-count');
  await tab.focusEditor();
  await page.keyboard.press('ControlOrMeta+Enter');

  await expect(tab.consentDialog).toBeVisible();
  await expect(tab.consentDialog.getByTestId('consent-statement')).toContainText('DROP TABLE doomed');
  await expect(tab.consentDialog).toContainText('deletes the object and everything in it');
  await keepScreenshot(page, 'sql-editor-confirm-drop');
  await tab.consentDialog.getByTestId('consent-cancel').click();
  await expect(tab.consentDialog).toBeHidden();
  await expect(tab.results).toHaveAttribute('data-run-count', before ?? '0');
  await expect(tab.resultTabs).toHaveCount(0);
  expect(await tableExists('doomed')).toBe(true);

  const after = Number(before ?? '0') + 1;
  await tab.focusEditor();
  await page.keyboard.press('ControlOrMeta+Enter');
  await tab.consentDialog.getByTestId('consent-run').click();
  await expect(tab.results).toHaveAttribute('data-run-count', String(after));
  await expect(tab.resultTab(0)).toHaveAttribute('data-status', 'done');
  expect(await tableExists('doomed')).toBe(false);
});

test('the history lists every run of the connection; one can be searched, inserted and saved', async ({
  page,
}) => {
  const tab = await openWorkspace(page);
  await tab.openSidePanel('History');
  // Newest first: the DROP of the test before, then the failed script statement, …
  await expect(tab.historyItems.first()).toContainText('DROP TABLE doomed');
  await expect(tab.historyItems.filter({ hasText: 'FRM users' })).toHaveAttribute('data-failed', 'true');
  await expect(tab.historyItems.filter({ hasText: 'SELECT COUNT(*) AS total' }).first()).toContainText(
    '1 row',
  );
  await keepScreenshot(page, 'sql-editor-history');

  await tab.searchSidePanel('frm');
  await expect(tab.historyItems).toHaveCount(1);
  await tab.typeSql('');
  await tab.itemAction(tab.historyItems.first(), 'insert');
  expect(await tab.editorText()).toContain('FRM users');

  await tab.typeSql('SELECT name FROM users WHERE id = 2');
  await tab.saveCurrentQuery('second user');
  await expect(tab.savedItems).toHaveCount(1);
  await expect(tab.savedItems.first()).toContainText('second user');
  await tab.typeSql('');
  await tab.itemAction(tab.savedItems.first(), 'run');
  await expect(tab.resultCell(0, 0)).toHaveText('grace');
});

test('Format lays the SQL out and Undo brings the old text back', async ({ page }) => {
  const tab = await openWorkspace(page);
  await tab.typeSql('select id,name from users where id=1');
  await tab.formatButton.click();
  await expect.poll(() => tab.editorText()).toBe('SELECT\n  id,\n  name\nFROM\n  users\nWHERE\n  id = 1');
  await tab.focusEditor();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => tab.editorText()).toBe('select id,name from users where id=1');
  // Shift+Alt+F does the same from the keyboard.
  await page.keyboard.press('Shift+Alt+F');
  await expect.poll(() => tab.editorText()).toContain('FROM\n  users');
});

test('manual commit mode: a write leaves a transaction open until Rollback', async ({ page }) => {
  const tab = await openWorkspace(page);
  // The switch follows the session: it flips once the server has answered.
  await tab.autocommitSwitch.click();
  await expect(tab.autocommitSwitch).not.toBeChecked();
  await expect(tab.commitButton).toBeVisible();
  await tab.typeSql("INSERT INTO users VALUES (3, 'edsger')");
  await tab.run();
  await expect(tab.transactionBadge).toBeVisible();
  await keepScreenshot(page, 'sql-editor-transaction');
  await tab.rollbackButton.click();
  await expect(tab.transactionBadge).toBeHidden();
  const [rows] = await admin.query(`SELECT COUNT(*) AS n FROM ${DATABASE}.users`);
  expect(Number((rows as { n: number }[])[0]?.n)).toBe(2);
});

test('Cancel in the toolbar stops a long statement, and the statements after it are not run', async ({
  page,
}) => {
  const tab = await openWorkspace(page);
  await tab.typeSql('SELECT SLEEP(30);\nSELECT 2;');
  const before = Number((await tab.results.getAttribute('data-run-count')) ?? '0');
  await tab.focusEditor();
  await page.keyboard.press('ControlOrMeta+Shift+Enter');
  await tab.root.getByTestId('cancel-run').click();
  await expect(tab.results).toHaveAttribute('data-run-count', String(before + 1));
  await expect(tab.resultTab(0)).toHaveAttribute('data-status', 'cancelled');
  await expect(tab.resultTab(1)).toHaveAttribute('data-status', 'skipped');
  await expect(tab.resultError).toContainText('Cancelled');
  await expect(tab.root.getByTestId('cancel-run')).toBeHidden();
});

test('a dropped connection is re-established behind the tab, with a notice', async ({ page }) => {
  const tab = await openWorkspace(page);
  await tab.typeSql('SELECT CONNECTION_ID()');
  await tab.run();
  const id = Number(await tab.resultCell(0, 0).innerText());
  await admin.query('KILL CONNECTION ?', [id]);
  await expect(tab.root.getByTestId('session-reconnected')).toContainText('Reconnected');
  // The session keeps its default database and runs statements again.
  await expect(tab.currentDatabase).toHaveText(DATABASE);
  await tab.typeSql('SELECT COUNT(*) FROM users');
  await tab.run();
  await expect(tab.resultCell(0, 0)).toHaveText('2');
});

test('a production connection is framed in red and says so in the toolbar and before a DROP', async ({
  page,
}) => {
  const ui = new AppPage(page);
  await ui.goto(app.url);
  const form = await ui.editProfile(PROFILE);
  await form.root.getByTestId('field-environment').click();
  await page.getByRole('option', { name: 'Production' }).click();
  await form.save();

  const tab = await openWorkspace(page);
  await expect(tab.root).toHaveAttribute('data-environment', 'production');
  await expect(tab.environmentBadge).toHaveText('production');
  await tab.typeSql('TRUNCATE TABLE users');
  await tab.focusEditor();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(tab.consentDialog.getByTestId('consent-production')).toBeVisible();
  await keepScreenshot(page, 'sql-editor-production');
  await tab.consentDialog.getByTestId('consent-cancel').click();
  expect(await tableExists('users')).toBe(true);
});
