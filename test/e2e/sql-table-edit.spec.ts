import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import mysql from 'mysql2/promise';
import { AppPage } from './pages/app-page';
import { SchemaTree } from './pages/schema-tree';
import { TableEditor } from './pages/table-editor';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode';
import { keepScreenshot } from './support/lab-app';
import { harnessDb, addHarnessProfile } from './support/harness-db';

const PROFILE = 'table edit e2e';
const DB = 'edit_e2e';
let dataDir: string;
let app: BrowserModeApp | undefined;
let db: mysql.Connection;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  db = await mysql.createConnection(harnessDb());
  await db.query(`DROP DATABASE IF EXISTS ${DB}`);
  await db.query(`CREATE DATABASE ${DB}`);
  await db.query(
    `CREATE TABLE ${DB}.items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, note TEXT NULL, price DECIMAL(8,2) NULL)`,
  );
  await db.query(
    `INSERT INTO ${DB}.items VALUES (1, 'Kettle', 'steel', 24.50), (2, 'Teapot', NULL, 18.00), (3, 'Mug', '', 6.25)`,
  );
  await db.query(`CREATE TABLE ${DB}.audit_log (at DATETIME, message VARCHAR(200))`);
  await db.query(
    `CREATE TABLE ${DB}.orders (id INT PRIMARY KEY, item_id INT, qty INT, KEY by_item (item_id))`,
  );
  await db.query(`INSERT INTO ${DB}.orders SELECT seq, 1 + seq % 3, seq % 7 FROM ${DB}.seq_1_to_300`);
  dataDir = await mkdtemp(join(tmpdir(), 'rdx-e2e-table-edit-'));
  app = await startBrowserMode(dataDir);
});

test.afterAll(async () => {
  await db?.query(`DROP DATABASE IF EXISTS ${DB}`);
  await db?.end();
  await app?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function openTable(page: Page, table: string): Promise<TableEditor> {
  const appPage = new AppPage(page);
  await appPage.goto(app!.url);
  if ((await appPage.profileItem(PROFILE).count()) === 0) {
    await addHarnessProfile(appPage, PROFILE, DB);
  }
  const tab = await appPage.openProfile(PROFILE);
  await tab.waitConnected();
  const tree = new SchemaTree(page);
  await tree.waitReady();
  return TableEditor.openFromSchema(page, tree.root, DB, table);
}

test('edit cells, add and delete rows, review the SQL and apply it', async ({ page }) => {
  const editor = await openTable(page, 'items');
  await expect(editor.rows).toHaveCount(3);
  await expect(editor.cell(editor.row('2'), 'note')).toHaveText('NULL');

  await editor.type(editor.row('1'), 'note', "it's new");
  await editor.setNull(editor.row('3'), 'price');
  await editor.button('add-row').click();
  await editor.type(editor.newRows, 'id', '4');
  await editor.type(editor.newRows, 'name', 'Saucer');
  await editor.row('2').click();
  await editor.button('delete-row').click();

  // Pending changes are drawn over the rows until applied.
  await expect(editor.cell(editor.row('1'), 'note')).toHaveAttribute('data-edited', 'true');
  await expect(editor.cell(editor.row('3'), 'price')).toHaveText('NULL');
  await expect(editor.row('2')).toHaveAttribute('data-state', 'deleted');
  await expect(editor.cell(editor.newRows, 'price')).toHaveText('DEFAULT');
  await expect(editor.button('review-edits')).toHaveText('Review and apply (4)');
  await keepScreenshot(page, 'table-editor-pending');

  await editor.button('review-edits').click();
  const sql = editor.review.getByTestId('review-sql');
  await expect(sql).toContainText(
    "UPDATE `edit_e2e`.`items` SET `note` = 'it\\'s new' WHERE `id` = 1 AND `name` <=> 'Kettle' AND `note` <=> 'steel' AND `price` <=> 24.50 LIMIT 1;",
  );
  await expect(sql).toContainText('DELETE FROM `edit_e2e`.`items` WHERE `id` = 2');
  await expect(sql).toContainText("INSERT INTO `edit_e2e`.`items` (`id`, `name`) VALUES (4, 'Saucer');");
  await expect(sql).toContainText(/^START TRANSACTION;/);
  await keepScreenshot(page, 'table-editor-review');

  await editor.review.getByTestId('apply-edits').click();
  await expect(editor.review).toBeHidden();
  await expect(editor.button('review-edits')).toHaveText('Review and apply');
  await expect(editor.rows).toHaveCount(3);
  const [rows] = await db.query({ sql: `SELECT * FROM ${DB}.items ORDER BY id`, rowsAsArray: true });
  expect(rows).toEqual([
    [1, 'Kettle', "it's new", '24.50'],
    [3, 'Mug', '', null],
    [4, 'Saucer', null, null],
  ]);
});

test('a row changed elsewhere is named, nothing is applied and the pending edit is kept', async ({
  page,
}) => {
  const editor = await openTable(page, 'items');
  await editor.type(editor.row('3'), 'name', 'Big mug');
  await db.query(`UPDATE ${DB}.items SET note = 'changed meanwhile' WHERE id = 3`);
  await editor.button('review-edits').click();
  await editor.review.getByTestId('apply-edits').click();
  await expect(editor.review.getByTestId('apply-error')).toContainText(
    'Row id=3 was changed by someone else',
  );
  await editor.review.getByRole('button', { name: 'Back to editing' }).click();
  await expect(editor.cell(editor.row('3'), 'name')).toHaveText('Big mug');
  const [rows] = await db.query({ sql: `SELECT name FROM ${DB}.items WHERE id = 3`, rowsAsArray: true });
  expect(rows).toEqual([['Mug']]);
  await editor.button('discard-edits').click();
  await expect(editor.cell(editor.row('3'), 'name')).toHaveText('Mug');
});

test('a table without a primary key is read-only and says why', async ({ page }) => {
  const editor = await openTable(page, 'audit_log');
  await expect(editor.readOnly).toContainText('no primary key');
  await expect(editor.button('add-row')).toBeDisabled();
});

test('a CSV with two bad rows is reported line by line and imports nothing until confirmed', async ({
  page,
}) => {
  const editor = await openTable(page, 'items');
  await editor.button('import-csv').click();
  const dialog = page.getByTestId('import-dialog');
  const csv = ['ID;Name;price', '10;Cup;1.50', '11;;2', '12;Plate;cheap', '13;Bowl;'].join('\n');
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'more-items.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await expect(dialog.getByTestId('import-map-select')).toHaveCount(3);
  await expect(dialog.getByTestId('import-map-select').nth(0)).toHaveValue(/^id/);
  await keepScreenshot(page, 'import-mapping');
  await dialog.getByTestId('import-start').click();
  await expect(dialog.getByTestId('import-rejected-row')).toHaveText([
    'Line 3: name: empty, but the column is NOT NULL',
    'Line 4: price: "cheap" is not a number',
  ]);
  const [before] = await db.query({
    sql: `SELECT COUNT(*) FROM ${DB}.items WHERE id >= 10`,
    rowsAsArray: true,
  });
  expect(before).toEqual([[0]]);
  await keepScreenshot(page, 'import-rejected');

  await dialog.getByTestId('import-confirm').click();
  await expect(dialog.getByTestId('import-done')).toContainText('2 rows were imported');
  const [after] = await db.query({
    sql: `SELECT id, name, price FROM ${DB}.items WHERE id >= 10`,
    rowsAsArray: true,
  });
  expect(after).toEqual([
    [10, 'Cup', '1.50'],
    [13, 'Bowl', null],
  ]);
});

test('EXPLAIN shows a join as a tree with rows and bars; ANALYZE says it ran the statement', async ({
  page,
}) => {
  const editor = await openTable(page, 'orders');
  await editor.button('explain-table').click();
  const sql = editor.explain.getByTestId('explain-sql');
  await sql.fill('SELECT i.name, SUM(o.qty) FROM items i JOIN orders o ON o.item_id = i.id GROUP BY i.name');
  await editor.explain.getByTestId('explain-run').click();
  const tree = editor.explain.getByTestId('explain-tree');
  await expect(tree.locator('[data-testid="explain-node"][data-table="o"]')).toContainText('by_item');
  await expect(tree.locator('[data-testid="explain-node"][data-table="i"]')).toBeVisible();
  await expect(editor.explain.getByTestId('explain-format')).toHaveText(/EXPLAIN FORMAT=JSON/);
  await keepScreenshot(page, 'explain-tree');

  await editor.explain.getByTestId('explain-analyze').click();
  await expect(editor.explain.getByTestId('explain-format')).toHaveText(/the statement was run/);
  await expect(tree).toContainText('Actual rows');
  await expect(tree.locator('[data-testid="explain-node"][data-table="i"]')).toContainText('ALL');
});
