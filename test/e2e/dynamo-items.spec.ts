import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { expect, test, type Page } from '@playwright/test';
import type { LabCredentials } from '../../src/lab/lab-credentials';
import { AppPage } from './pages/app-page';
import { AwsPanel } from './pages/aws-panel';
import { DynamoPage } from './pages/dynamo-page';
import { keepScreenshot, useLabApp } from './support/lab-app';

/** The lab's edge endpoint, as the status bar shows it. */
async function labEndpoint(page: Page): Promise<string> {
  const text = await page.getByTestId('lab-status').innerText();
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(text)?.[0];
  expect(url, 'the lab endpoint in the status bar').toBeDefined();
  return url ?? '';
}

/** Someone else, through the SDK against the same lab. */
function otherClient(endpoint: string, credentials: LabCredentials): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'us-east-1', credentials });
}

test.describe('on DynamoDB Local', () => {
  const app = useLabApp({ dataDirPrefix: 'rdx-e2e-dynamo-items-' });

  test('a user edits Users items: save, malformed JSON, a concurrent change, two changes in one transaction', async ({
    page,
  }) => {
    // The lab starts MariaDB instances as well as DynamoDB before it answers.
    test.setTimeout(360_000);
    const ui = new AppPage(page);
    await ui.goto(app.url);
    const aws = new AwsPanel(page);
    await aws.chooseProfile('Local lab');
    await aws.waitIdentity(240_000);
    const sdk = otherClient(await labEndpoint(page), await app.labCredentials());

    const dynamo = await DynamoPage.open(page);
    await dynamo.openTable('Users');
    await expect(dynamo.cell('UserID', '1001', 'Name')).toHaveText('Monowar');
    // The page builds the read's expression itself, as the form stands.
    await expect(await dynamo.showExpression()).toContainText(/Scan on Users\nLimit: \d+/);

    // Edit 1001 and save: the grid shows the change, and the write's capacity is reported.
    await dynamo.editItem('UserID', '1001');
    expect(await dynamo.itemText()).toContain('"Name": "Monowar"');
    await keepScreenshot(page, 'dynamo-item-editor');
    await dynamo.typeItem(
      '{"UserID": "1001", "Name": "Monowar H", "Email": "monowar@example.com", "Age": 41}',
    );
    await expect(dynamo.editor.getByTestId('dynamo-item-edited')).toBeVisible();
    await dynamo.saveAndClose();
    await expect(dynamo.cell('UserID', '1001', 'Name')).toHaveText('Monowar H');
    await expect(dynamo.cell('UserID', '1001', 'Age')).toHaveText('41');
    await expect(dynamo.notices.first()).toContainText(/Saved UserID=1001 · .*WCU/);

    // Malformed JSON: the error at its line and column, nothing written, the edit kept.
    await dynamo.editItem('UserID', '1001');
    const broken = '{"UserID": "1001", "Name": "Broken" "Age": 42}';
    await dynamo.typeItem(broken);
    await dynamo.saveButton.click();
    await expect(dynamo.itemError).toContainText("Expected ',' or '}'");
    await expect(dynamo.itemError).toContainText('line 1, column 37');
    await expect(dynamo.editorText).toHaveAttribute('data-error-marker', '1:37');
    await expect(dynamo.editor).toHaveAttribute('data-state', 'invalid');
    expect(await dynamo.itemText()).toBe(broken);
    await keepScreenshot(page, 'dynamo-item-malformed');
    // The view cannot switch either, and says why, keeping the text.
    await dynamo.chooseMode('DynamoDB JSON');
    await expect(dynamo.itemError).toContainText('Cannot switch views');
    expect(await dynamo.itemText()).toBe(broken);
    const stored = await sdk.send(new GetItemCommand({ TableName: 'Users', Key: { UserID: { S: '1001' } } }));
    expect(stored.Item?.['Name']).toEqual({ S: 'Monowar H' });
    await dynamo.editor.getByTestId('dynamo-item-cancel').click();
    await expect(dynamo.editor).toHaveCount(0);

    // A concurrent change through the SDK: the save is refused and both versions are shown.
    await dynamo.editItem('UserID', '1002');
    await sdk.send(
      new PutItemCommand({
        TableName: 'Users',
        Item: { UserID: { S: '1002' }, Name: { S: 'Changed elsewhere' }, Email: { S: 'other@example.com' } },
      }),
    );
    const text1002 = await dynamo.itemText();
    const name1002 = /"Name": "([^"]*)"/.exec(text1002)?.[1] ?? '';
    await dynamo.typeItem(`{"UserID": "1002", "Name": "${name1002}", "Email": "mine@example.com"}`);
    await dynamo.saveButton.click();
    await expect(dynamo.conflict).toBeVisible();
    await expect(dynamo.editor).toHaveAttribute('data-state', 'conflict');
    await expect(dynamo.conflictRow('Name').locator('[data-side="theirs"]')).toHaveText(
      '"Changed elsewhere"',
    );
    await expect(dynamo.conflictRow('Name').locator('[data-side="mine"]')).toHaveText(`"${name1002}"`);
    await expect(dynamo.conflictRow('Email')).toHaveAttribute('data-clash', 'true');
    await dynamo.conflict.hover();
    await keepScreenshot(page, 'dynamo-item-conflict');
    // Reload theirs, then change only the email: their name stays.
    await dynamo.editor.getByTestId('dynamo-conflict-reload').click();
    await expect(dynamo.conflict).toHaveCount(0);
    expect(await dynamo.itemText()).toContain('"Name": "Changed elsewhere"');
    await dynamo.typeItem('{"UserID": "1002", "Name": "Changed elsewhere", "Email": "mine@example.com"}');
    await dynamo.saveAndClose();
    await expect(dynamo.cell('UserID', '1002', 'Email')).toHaveText('mine@example.com');
    await expect(dynamo.cell('UserID', '1002', 'Name')).toHaveText('Changed elsewhere');

    // Two staged changes, committed as one transaction.
    await dynamo.editItem('UserID', '1001');
    await dynamo.typeItem(
      '{"UserID": "1001", "Name": "Monowar H", "Email": "monowar@example.com", "Age": 42}',
    );
    await dynamo.stage();
    await expect(dynamo.stagedRows).toHaveCount(1);
    await dynamo.editItem('UserID', '1002');
    await dynamo.typeItem('{"UserID": "1002", "Name": "Changed elsewhere", "Email": "staged@example.com"}');
    await dynamo.stage();
    await expect(dynamo.stagedRows).toHaveCount(2);
    await expect(dynamo.staging.getByTestId('dynamo-staging-count')).toHaveText('2 / 100');
    await expect(dynamo.stagedRows.nth(0)).toContainText('1 attribute changed');
    // Nothing is written until the commit.
    await expect(dynamo.cell('UserID', '1001', 'Age')).toHaveText('41');
    await keepScreenshot(page, 'dynamo-staged-changes');
    await dynamo.commitButton.click();
    await expect(dynamo.staging).toHaveCount(0);
    await expect(dynamo.notices.filter({ hasText: 'Committed 2 changes as one transaction' })).toContainText(
      'WCU',
    );
    await expect(dynamo.cell('UserID', '1001', 'Age')).toHaveText('42');
    await expect(dynamo.cell('UserID', '1002', 'Email')).toHaveText('staged@example.com');
    const after = await sdk.send(new GetItemCommand({ TableName: 'Users', Key: { UserID: { S: '1002' } } }));
    expect(after.Item?.['Email']).toEqual({ S: 'staged@example.com' });
    await keepScreenshot(page, 'dynamo-committed');

    // A staged change whose item changes before the commit: the transaction is cancelled, nothing is
    // written, and the change shows its cancellation reason.
    await dynamo.editItem('UserID', '1001');
    await dynamo.typeItem(
      '{"UserID": "1001", "Name": "Monowar H", "Email": "monowar@example.com", "Age": 43}',
    );
    await dynamo.stage();
    await dynamo.editItem('UserID', '1002');
    await dynamo.typeItem('{"UserID": "1002", "Name": "Changed elsewhere", "Email": "again@example.com"}');
    await dynamo.stage();
    await sdk.send(
      new PutItemCommand({
        TableName: 'Users',
        Item: { UserID: { S: '1001' }, Name: { S: 'Raced' }, Email: { S: 'monowar@example.com' } },
      }),
    );
    await dynamo.commitButton.click();
    await expect(dynamo.staging).toHaveAttribute('data-state', 'failed');
    const failed = dynamo.stagedRows.and(page.locator('[data-failed="true"]'));
    await expect(failed).toHaveCount(1);
    await expect(failed).toHaveAttribute('data-key', 'UserID=1001');
    await expect(failed).toContainText('Changed since it was loaded');
    await expect(dynamo.staging.getByTestId('dynamo-staging-error')).toContainText('nothing was written');
    await keepScreenshot(page, 'dynamo-transaction-cancelled');
    const untouched = await sdk.send(
      new GetItemCommand({ TableName: 'Users', Key: { UserID: { S: '1002' } } }),
    );
    expect(untouched.Item?.['Email']).toEqual({ S: 'staged@example.com' });
    await dynamo.staging.getByTestId('dynamo-staging-clear').click();
    await expect(dynamo.staging).toHaveCount(0);
    await dynamo.run();
    await expect(dynamo.cell('UserID', '1001', 'Name')).toHaveText('Raced');

    // Closing the drawer keeps an unsaved edit for the next time the item is opened.
    await dynamo.editItem('UserID', '1001');
    await dynamo.typeItem('{"UserID": "1001", "Name": "Half done"}');
    await dynamo.editor.getByTestId('dynamo-item-close').click();
    await dynamo.editItem('UserID', '1001');
    await expect(dynamo.editor.getByTestId('dynamo-item-restored')).toBeVisible();
    expect(await dynamo.itemText()).toBe('{"UserID": "1001", "Name": "Half done"}');
    await dynamo.editor.getByTestId('dynamo-item-discard-draft').click();
    await expect(dynamo.editorText).toHaveAttribute('data-editor-ready', 'true');
    expect(await dynamo.itemText()).toContain('"Name": "Raced"');
    await dynamo.editor.getByTestId('dynamo-item-cancel').click();

    // Duplicate without a new key: Create refuses to replace the item that has it.
    await dynamo.cell('UserID', '1001', 'UserID').click();
    await dynamo.root.getByTestId('dynamo-duplicate-item').click();
    await expect(dynamo.editorTitle).toHaveText('Duplicate UserID=1001');
    await expect(dynamo.saveButton).toHaveText('Create');
    await dynamo.saveButton.click();
    await expect(dynamo.conflict).toContainText('An item with this key already exists');
    await dynamo.editor.getByTestId('dynamo-conflict-keep').click();
    await dynamo.typeItem('{"UserID": "1003", "Name": "Copy"}');
    await dynamo.saveAndClose();
    await expect(dynamo.cell('UserID', '1003', 'Name')).toHaveText('Copy');

    // Delete two items: the confirmation lists their keys.
    await dynamo.cell('UserID', '1003', 'UserID').click();
    await dynamo.cell('UserID', '1002', 'UserID').click({ modifiers: ['ControlOrMeta'] });
    await dynamo.root.getByTestId('dynamo-delete-items').click();
    await expect(dynamo.editorTitle).toHaveText('Delete 2 items');
    const listed = await dynamo.editor.getByTestId('dynamo-delete-key').allInnerTexts();
    expect(listed.sort()).toEqual(['UserID=1002', 'UserID=1003']);
    await keepScreenshot(page, 'dynamo-delete-confirm');
    await dynamo.editor.getByTestId('dynamo-delete-confirm').click();
    await expect(dynamo.editor).toHaveCount(0);
    await expect(dynamo.rows).toHaveCount(1);
    await expect(dynamo.notices.filter({ hasText: 'Deleted 2 of 2 items' })).toContainText('WCU');
    sdk.destroy();
  });
});

test.describe('on dynalite', () => {
  // Without the DynamoDB Local jar in the cache the lab runs dynalite, which has no transactions.
  let cache = '';
  const saved = process.env.XDG_CACHE_HOME;
  test.beforeAll(async () => {
    cache = await mkdtemp(join(tmpdir(), 'rdx-e2e-no-jar-'));
    process.env.XDG_CACHE_HOME = cache;
  });
  const app = useLabApp({ dataDirPrefix: 'rdx-e2e-dynamo-dynalite-' });
  test.afterAll(async () => {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
    await rm(cache, { recursive: true, force: true });
  });

  test('staging says the endpoint has no transactions; a save still works', async ({ page }) => {
    test.setTimeout(360_000);
    await new AppPage(page).goto(app.url);
    const aws = new AwsPanel(page);
    await aws.chooseProfile('Local lab');
    await aws.waitIdentity(240_000);
    await expect(page.getByTestId('lab-status')).toContainText('dynalite');

    const dynamo = await DynamoPage.open(page);
    await dynamo.openTable('Users');
    await dynamo.editItem('UserID', '1002');
    await dynamo.typeItem('{"UserID": "1002", "Name": "CloudUser", "Email": "dynalite@example.com"}');
    await expect(dynamo.stageButton).toHaveAttribute('data-disabled', 'true');
    await dynamo.stageButton.hover();
    await expect(page.getByRole('tooltip')).toContainText('This endpoint has no transactions');
    await dynamo.stageButton.click();
    await expect(dynamo.staging).toHaveCount(0);
    await keepScreenshot(page, 'dynamo-dynalite-no-transactions');
    await dynamo.saveAndClose();
    await expect(dynamo.cell('UserID', '1002', 'Email')).toHaveText('dynalite@example.com');
  });
});
