import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import mysql from 'mysql2/promise';
import { AppPage } from './pages/app-page';
import { SchemaTree } from './pages/schema-tree';
import { keepScreenshot } from './support/lab-app';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode';
import { harnessDb, addHarnessProfile } from './support/harness-db';

const PROFILE = 'schema e2e';
let dataDir: string;
let app: BrowserModeApp | undefined;

test.describe.configure({ mode: 'serial' });

// Its own app and data dir, so the profile saved here never shows up in other specs' sidebars.
test.beforeAll(async () => {
  const db = await mysql.createConnection(harnessDb());
  await db.query('CREATE DATABASE IF NOT EXISTS demo');
  await db.query(
    `CREATE TABLE IF NOT EXISTS demo.users (
       id INT PRIMARY KEY AUTO_INCREMENT,
       name VARCHAR(64) NOT NULL,
       email VARCHAR(120) NULL UNIQUE,
       created DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
     )`,
  );
  await db.query(
    "REPLACE INTO demo.users (id, name, email) VALUES (1, 'Ada Lovelace', 'ada@example.com'), (2, 'Alan Turing', NULL)",
  );
  await db.query('CREATE TABLE IF NOT EXISTS demo.scratch (id INT PRIMARY KEY)');
  await db.query('CREATE DATABASE IF NOT EXISTS ledger');
  await db.query('CREATE TABLE IF NOT EXISTS ledger.accounts (id INT PRIMARY KEY, balance DECIMAL(12,2))');
  await db.end();
  dataDir = await mkdtemp(join(tmpdir(), 'rdx-e2e-schema-'));
  app = await startBrowserMode(dataDir);
});

test.afterAll(async () => {
  await app?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function openTab(page: Page) {
  const appPage = new AppPage(page);
  await appPage.goto(app!.url);
  if ((await appPage.profileItem(PROFILE).count()) === 0) {
    await addHarnessProfile(appPage, PROFILE, 'demo');
  }
  const tab = await appPage.openProfile(PROFILE);
  await tab.waitConnected();
  const tree = new SchemaTree(page);
  await tree.waitReady();
  return { tab, tree };
}

test('the schema tree shows demo.users with its columns, and selects its first rows', async ({ page }) => {
  const { tab, tree } = await openTab(page);
  // User databases first, the server's own after them.
  const databases = await tree.names('database');
  expect(databases.indexOf('demo')).toBeLessThan(databases.indexOf('mysql'));

  await tree.expand('database', 'demo');
  await expect(tree.row('table', 'users', 'demo')).toContainText(/2 rows/);
  await tree.expand('table', 'users', 'demo');
  expect(await tree.names('column')).toEqual(['id', 'name', 'email', 'created']);
  await expect(tree.row('column', 'id')).toContainText('int(11)');
  await expect(tree.row('column', 'email')).toContainText('null');
  await expect(tree.row('group', 'Indexes')).toContainText('2');
  await tree.expand('group', 'Indexes');
  await expect(tree.row('index', 'email')).toContainText('unique · email');
  await keepScreenshot(page, 'schema-tree');

  // The filter keeps the matching columns (loaded ones) and marks the match.
  await tree.filter.fill('mail');
  expect(await tree.names('column')).toEqual(['email']);
  await expect(tree.row('column', 'email').locator('mark')).toHaveText('mail');
  await tree.filter.fill('no such thing');
  await expect(tree.root.getByTestId('schema-empty')).toContainText('Nothing loaded matches');
  await tree.filter.fill('');

  await tree.action('table', 'users', 'select');
  await expect(tab.results).toHaveAttribute('data-result-state', 'done');
  expect(await tab.editorText()).toContain('SELECT * FROM `demo`.`users` LIMIT 1000;');
  await expect(tab.resultCell(0, 1)).toHaveText('Ada Lovelace');
  await expect(tab.resultCell(1, 1)).toHaveText('Alan Turing');

  await tree.action('table', 'users', 'ddl');
  await expect(tree.ddlModal.getByTestId('ddl-modal-text')).toContainText('CREATE TABLE `users`');
  await keepScreenshot(page, 'schema-ddl');
  await tree.ddlModal.getByRole('button', { name: 'Close' }).click();
  await expect(tree.ddlModal.getByTestId('ddl-modal-text')).toHaveCount(0);
});

test('completion offers the columns of the table in FROM, accepted with the keyboard', async ({ page }) => {
  const { tab } = await openTab(page);
  await tab.typeSql('SELECT  FROM users');
  // Back to the gap after SELECT, as a user would with the arrow keys.
  for (let i = 0; i < ' FROM users'.length; i += 1) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('na');
  const widget = page.locator('.suggest-widget.visible');
  await expect(widget).toBeVisible();
  await expect(widget.locator('.monaco-list-row').first()).toContainText('name');
  await expect(widget.locator('.monaco-list-row').first()).toContainText('varchar(64)');
  await keepScreenshot(page, 'schema-completion');

  await page.keyboard.press('Enter');
  await expect.poll(() => tab.editorText()).toContain('SELECT name FROM users');
  await tab.run();
  expect(await tab.resultState()).toBe('done');
  await expect(tab.headers.first()).toContainText('name');
  await expect(tab.resultCell(0, 0)).toHaveText('Ada Lovelace');
});

test('two tabs on different default databases complete from their own schema', async ({ page }) => {
  const { tab } = await openTab(page);
  const appPage = new AppPage(page);
  await addHarnessProfile(appPage, 'schema ledger', 'ledger');
  const ledger = await appPage.openProfile('schema ledger');
  await ledger.waitConnected();
  const widget = page.locator('.suggest-widget.visible');
  await ledger.typeSql('SELECT * FROM ');
  await page.keyboard.press('Control+Space');
  await expect(widget.locator('.monaco-list-row').first()).toContainText('accounts');
  await expect(widget).not.toContainText('users');
  await page.keyboard.press('Escape');
  await ledger.typeSql('SELECT a.ba FROM accounts a');
  for (let i = 0; i < ' FROM accounts a'.length; i += 1) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+Space');
  await expect(widget.locator('.monaco-list-row').first()).toContainText('balance');
  await page.keyboard.press('Escape');

  await appPage.tabHandle(PROFILE).click();
  await tab.typeSql('SELECT * FROM ');
  await page.keyboard.press('Control+Space');
  await expect(widget).toContainText('users');
  await expect(widget).not.toContainText('accounts');
  await page.keyboard.press('Escape');
});

test('dropping a table asks for its name, runs the DROP and refreshes the tree', async ({ page }) => {
  const { tree } = await openTab(page);
  await tree.expand('database', 'demo');
  await expect(tree.row('table', 'scratch', 'demo')).toBeVisible();
  await tree.action('table', 'scratch', 'drop');
  const dialog = page.getByTestId('drop-dialog');
  await expect(dialog.getByTestId('drop-confirm')).toBeDisabled();
  await dialog.getByTestId('type-to-confirm').fill('scratch');
  await keepScreenshot(page, 'schema-drop');
  await dialog.getByTestId('drop-confirm').click();
  await expect(dialog.getByTestId('drop-confirm')).toHaveCount(0);
  await expect(tree.row('table', 'scratch', 'demo')).toHaveCount(0);
  await expect(tree.row('table', 'users', 'demo')).toBeVisible();
});
