import { DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { expect, test } from '@playwright/test';
import { ensureDynamoDbLocalJar } from '../support/dynamodb-local-jar';
import { AppPage } from './pages/app-page';
import { AwsPanel } from './pages/aws-panel';
import { DynamoPartiqlPage } from './pages/dynamo-partiql-page';
import { keepScreenshot, useLabApp } from './support/lab-app';

// The lab runs DynamoDB Local (PartiQL, streams) when Java and the cached jar are there; dynalite has
// neither. Registered before the app starts, so the lab finds the jar.
test.beforeAll(async () => {
  test.setTimeout(300_000);
  await ensureDynamoDbLocalJar();
});

const app = useLabApp({ dataDirPrefix: 'rdx-e2e-dynamo-partiql-' });

test('PartiQL on the course table, then a live tail of its stream while the SDK writes', async ({ page }) => {
  // The lab starts MariaDB instances beside DynamoDB Local; on a busy machine that takes minutes.
  test.setTimeout(420_000);
  // What the page says over browser mode's WebSocket: how the tail's stop is seen once its tab is gone.
  const frames = { sent: [] as string[], received: [] as string[] };
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => frames.sent.push(String(f.payload)));
    ws.on('framereceived', (f) => frames.received.push(String(f.payload)));
  });
  const ui = new AppPage(page);
  await ui.goto(app.url);
  const aws = new AwsPanel(page);
  await aws.chooseProfile('Local lab');
  const bar = page.getByTestId('lab-status');
  await expect(bar).toContainText('DynamoDB: DynamoDB Local', { timeout: 240_000 });
  await expect(bar).toContainText(/http:\/\/127\.0\.0\.1:\d+/, { timeout: 60_000 });
  const endpoint = /http:\/\/127\.0\.0\.1:\d+/.exec(await bar.innerText())?.[0];
  expect(endpoint).toBeTruthy();

  await page.getByTestId('open-dynamo').click();
  const dynamo = new DynamoPartiqlPage(page);
  await dynamo.openTable('Users');

  // PartiQL: the editor starts with a SELECT of the table; Run pages its items into the grid.
  await dynamo.openPartiql();
  expect(await dynamo.editorText()).toContain('SELECT * FROM "Users"');
  await dynamo.run();
  await expect(dynamo.status).toHaveAttribute('data-status', 'done');
  await expect(dynamo.results).toHaveAttribute('data-count', '2');
  await expect(dynamo.grid.locator('[data-column="UserID"]', { hasText: '1001' })).toBeVisible();
  await expect(dynamo.grid.locator('[data-column="UserID"]', { hasText: '1002' })).toBeVisible();
  await expect(dynamo.status.getByTestId('partiql-summary')).toContainText('2 items · page 1');
  await expect(dynamo.status.getByTestId('partiql-capacity')).toContainText('RCU');
  await keepScreenshot(page, 'dynamo-partiql-select');

  // Completion offers the region's tables after FROM, and the attributes results have shown.
  await dynamo.typeStatement('SELECT * FROM ', { close: false });
  await expect(dynamo.suggestions).toContainText('Users');
  await dynamo.page.keyboard.press('Escape');
  await dynamo.typeMore('"Users" WHERE Em');
  await dynamo.page.keyboard.press('ControlOrMeta+Space');
  await expect(dynamo.suggestions).toContainText('Email');
  await keepScreenshot(page, 'dynamo-partiql-completion');
  await dynamo.page.keyboard.press('Escape');

  // A malformed statement: DynamoDB's message, the statement marked, the text kept as typed.
  const invalid = `SELEC * FROM "Users" WHERE UserID = '1001'`;
  await dynamo.typeStatement(invalid);
  await dynamo.run();
  await expect(dynamo.status).toHaveAttribute('data-status', 'error');
  await expect(dynamo.error).toContainText("Statement wasn't well formed");
  await expect(dynamo.editor).toHaveAttribute('data-error-marks', '1');
  expect(await dynamo.editorText()).toBe(invalid);
  await keepScreenshot(page, 'dynamo-partiql-error');

  // Two statements run as one batch, each with its own outcome.
  await dynamo.typeStatement(
    `SELECT * FROM "Users" WHERE UserID = '1001';\nSELECT * FROM "Users" WHERE UserID = '1002'`,
  );
  await page.keyboard.press('ControlOrMeta+A');
  await dynamo.run();
  await expect(dynamo.status).toHaveAttribute('data-mode', 'batch');
  await expect(dynamo.outcomes).toHaveCount(2);
  await expect(dynamo.outcomes.nth(0)).toHaveAttribute('data-state', 'ok');
  await expect(dynamo.outcomes.nth(1)).toContainText('1002');
  await expect(dynamo.results).toHaveAttribute('data-count', '2');
  await keepScreenshot(page, 'dynamo-partiql-batch');

  // Stream: none yet, so the tab leads to Details, where it is turned on.
  await dynamo.openStream();
  await expect(page.getByTestId('stream-none')).toBeVisible();
  await keepScreenshot(page, 'dynamo-stream-none');
  await page.getByTestId('stream-open-details').click();
  await dynamo.enableStream();
  await dynamo.openStream();
  await dynamo.startTail();

  // Writes behind the app's back, through the SDK, show up as records.
  const sdk = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: await app.labCredentials(),
  });
  try {
    await sdk.send(
      new PutItemCommand({
        TableName: 'Users',
        Item: { UserID: { S: '1003' }, Name: { S: 'Ada' }, City: { S: 'London' } },
      }),
    );
    await expect(dynamo.records.first()).toHaveAttribute('data-event', 'INSERT', { timeout: 30_000 });
    await expect(dynamo.records.first()).toContainText('UserID=1003');
    await expect(dynamo.diff).toHaveAttribute('data-event', 'INSERT');
    await expect(dynamo.diffRow('Name')).toHaveAttribute('data-change', 'added');

    await sdk.send(
      new UpdateItemCommand({
        TableName: 'Users',
        Key: { UserID: { S: '1003' } },
        UpdateExpression: 'SET City = :c',
        ExpressionAttributeValues: { ':c': { S: 'Paris' } },
      }),
    );
    await expect(dynamo.records).toHaveCount(2, { timeout: 30_000 });
    await expect(dynamo.records.first()).toHaveAttribute('data-event', 'MODIFY');
    await dynamo.records.first().click();
    await expect(dynamo.diff).toHaveAttribute('data-event', 'MODIFY');
    await expect(dynamo.diff).toHaveAttribute('data-changes', '1');
    await expect(dynamo.diffRow('City')).toHaveAttribute('data-change', 'changed');
    await expect(dynamo.diffRow('City')).toContainText('London');
    await expect(dynamo.diffRow('City')).toContainText('Paris');
    await expect(dynamo.diffRow('Name')).toHaveAttribute('data-change', 'same');
    await keepScreenshot(page, 'dynamo-stream-diff');
  } finally {
    sdk.destroy();
  }

  await dynamo.stream.getByTestId('stream-stop').click();
  await expect(dynamo.streamStatus).toHaveAttribute('data-status', 'stopped');
  await expect(dynamo.records).toHaveCount(2);

  // A tail still running when its tab closes is stopped by the app, not left polling.
  await dynamo.startTail();
  frames.sent.length = 0;
  frames.received.length = 0;
  await page.getByTestId('dynamo-tab-handle').getByTestId('close-tab').click();
  await expect(page.getByTestId('dynamo-tab')).toHaveCount(0);
  await expect.poll(() => frames.sent.some((f) => f.includes('"dynamo.stopStream"'))).toBe(true);
  await expect
    .poll(() => frames.received.some((f) => f.includes('"dynamo.streamStatus"') && f.includes('"stopped"')))
    .toBe(true);
});
