import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import mysql from 'mysql2/promise';
import { parseCsv } from '../../src/main/mysql/import-parse';
import { AppPage } from './pages/app-page';
import { SchemaTree } from './pages/schema-tree';
import { TableEditor } from './pages/table-editor';
import { startBrowserMode, type BrowserModeApp } from './support/browser-mode';
import { keepScreenshot } from './support/lab-app';
import { harnessDb, addHarnessProfile } from './support/harness-db';

const PROFILE = 'export e2e';
const DB = 'export_e2e';
let dataDir: string;
let app: BrowserModeApp | undefined;
let db: mysql.Connection;

test.beforeAll(async () => {
  db = await mysql.createConnection(harnessDb());
  await db.query(`DROP DATABASE IF EXISTS ${DB}`);
  await db.query(`CREATE DATABASE ${DB}`);
  await db.query(`CREATE TABLE ${DB}.notes (id INT PRIMARY KEY, title VARCHAR(60) NOT NULL, body TEXT NULL)`);
  // Commas, quotes, line breaks, NULL and the empty string: what CSV writers get wrong.
  await db.query(
    `INSERT INTO ${DB}.notes SELECT seq, CONCAT('title ', seq, ', "quoted"'),
       CASE WHEN seq % 5 = 0 THEN NULL WHEN seq % 7 = 0 THEN '' ELSE CONCAT('line one\nline two ', seq) END
     FROM ${DB}.seq_1_to_2000`,
  );
  dataDir = await mkdtemp(join(tmpdir(), 'rdx-e2e-export-'));
  app = await startBrowserMode(dataDir);
});

test.afterAll(async () => {
  await db?.query(`DROP DATABASE IF EXISTS ${DB}`);
  await db?.end();
  await app?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('export a table as CSV in browser mode: the download reads back as the same rows', async ({ page }) => {
  const appPage = new AppPage(page);
  await appPage.goto(app!.url);
  await addHarnessProfile(appPage, PROFILE, DB);
  const tab = await appPage.openProfile(PROFILE);
  await tab.waitConnected();
  const tree = new SchemaTree(page);
  await tree.waitReady();
  const editor = await TableEditor.openFromSchema(page, tree.root, DB, 'notes');

  await editor.button('export-table').click();
  await editor.exportDialog.getByTestId('export-format').getByText('CSV').click();
  const downloading = page.waitForEvent('download');
  await editor.exportDialog.getByTestId('start-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('notes.csv');
  await expect(editor.exportDialog.getByTestId('export-done')).toContainText('2,000 rows');
  await keepScreenshot(page, 'export-done');

  const text = await readFile((await download.path())!, 'utf8');
  expect(text.startsWith('id,title,body\r\n')).toBe(true);
  const csv = parseCsv(text, true, ',');
  const [rows] = await db.query({ sql: `SELECT * FROM ${DB}.notes ORDER BY id`, rowsAsArray: true });
  expect(csv.records.map((r) => r.fields)).toEqual(
    (rows as unknown[][]).map((row) => row.map((v) => (v === null ? null : String(v)))),
  );
});
