import {
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import { expect, test, type Page } from '@playwright/test';
import { ensureDynamoDbLocalJar } from '../support/dynamodb-local-jar';
import { AppPage } from './pages/app-page';
import { AwsPanel } from './pages/aws-panel';
import { DynamoPage } from './pages/dynamo-page';
import { keepScreenshot, useLabApp } from './support/lab-app';

// The course's lab 3 ("Create DynamoDB Table and Insert Data"), its items as the course gives them.
const ITEM_1001 = { UserID: '1001', Name: 'Monowar', Email: 'monowar@example.com' };
const ITEM_1002 = { UserID: '1002', Name: 'CloudUser', Email: 'clouduser@demo.com' };

// DynamoDB Local (not dynalite) when Java and the cached jar are there; registered before the app starts.
test.beforeAll(async () => {
  test.setTimeout(300_000);
  await ensureDynamoDbLocalJar();
});

const app = useLabApp({ dataDirPrefix: 'rdx-e2e-dynamo-course-' });

/** The lab's edge endpoint, once the status bar shows DynamoDB Local running. */
async function labEndpoint(page: Page): Promise<string> {
  const bar = page.getByTestId('lab-status');
  await expect(bar).toContainText('DynamoDB: DynamoDB Local', { timeout: 240_000 });
  await expect(bar).toContainText(/http:\/\/127\.0\.0\.1:\d+/, { timeout: 60_000 });
  return /http:\/\/127\.0\.0\.1:\d+/.exec(await bar.innerText())?.[0] ?? '';
}

async function applyFault(endpoint: string, fault: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${endpoint}/_lab/fault`, {
    method: 'POST',
    headers: await app.labAdminHeaders(),
    body: JSON.stringify(fault),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

async function sdkClient(endpoint: string): Promise<DynamoDBClient> {
  return new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: await app.labCredentials() });
}

async function hasItem(sdk: DynamoDBClient, userId: string): Promise<boolean> {
  const got = await sdk
    .send(new GetItemCommand({ TableName: 'Users', Key: { UserID: { S: userId } } }))
    .catch(() => null);
  return got?.Item !== undefined;
}

const plain = (item: Record<string, { S?: string }> | undefined) =>
  Object.fromEntries(Object.entries(item ?? {}).map(([k, v]) => [k, v.S]));

test('the course lab in the UI as a new user: create Users, put 1001 and 1002, scan, get 1001; the SDK agrees', async ({
  page,
}) => {
  // The lab starts MariaDB instances beside DynamoDB Local; on a busy machine that takes minutes.
  test.setTimeout(420_000);
  await new AppPage(page).goto(app.url);
  const aws = new AwsPanel(page);
  await aws.chooseProfile('Local lab');
  const endpoint = await labEndpoint(page);
  await aws.waitIdentity(60_000);
  const sdk = await sdkClient(endpoint);

  // The lab seeds the course's table; the course creates it, so start without it. The lab is still
  // seeding RDS by now: wait for its last DynamoDB item, or the delete races the seeding.
  await expect.poll(() => hasItem(sdk, '1002'), { timeout: 60_000 }).toBe(true);
  await sdk.send(new DeleteTableCommand({ TableName: 'Users' }));
  await waitUntilTableNotExists({ client: sdk, maxWaitTime: 30 }, { TableName: 'Users' });

  const dynamo = await DynamoPage.open(page);
  await expect(dynamo.root.getByTestId('dynamo-no-tables')).toBeVisible();
  await expect(dynamo.root.getByTestId('dynamo-no-selection')).toBeVisible();
  await keepScreenshot(page, 'course-1-no-tables');

  // Step 1: create-table --table-name Users, UserID (S) as the partition key, PAY_PER_REQUEST.
  const create = await dynamo.fillCreateTable('Users', 'UserID');
  await expect(create.getByTestId('create-pk-type')).toHaveValue('String');
  await expect(create.getByTestId('create-billing').getByRole('radio', { name: 'On demand' })).toBeChecked();
  await keepScreenshot(page, 'course-2-create-table');
  await dynamo.submitCreateTable(create, 'Users');
  await expect(dynamo.tableItem('Users')).toHaveAttribute('data-selected', 'true');
  await expect(dynamo.root.getByTestId('dynamo-table-keys')).toContainText('Partition key UserID (S)');
  await expect(dynamo.root.getByTestId('dynamo-no-items')).toContainText('The table is empty');
  await keepScreenshot(page, 'course-3-empty-table');

  // Step 2: put-item 1001 and 1002 with "New item".
  await dynamo.createItem(JSON.stringify(ITEM_1001));
  await expect(dynamo.notices.first()).toContainText(/UserID=1001/);
  await dynamo.root.getByTestId('dynamo-new-item').click();
  await expect(dynamo.editorText).toHaveAttribute('data-editor-ready', 'true');
  await dynamo.typeItem(JSON.stringify(ITEM_1002));
  await keepScreenshot(page, 'course-4-new-item');
  await dynamo.saveAndClose();

  // Step 3: scan (both items), then get 1001 (a query on the partition key: only it).
  await dynamo.chooseReadMode('Scan');
  await dynamo.run();
  await expect(dynamo.rows).toHaveCount(2);
  await expect(dynamo.cell('UserID', '1001', 'Name')).toHaveText('Monowar');
  await expect(dynamo.cell('UserID', '1002', 'Email')).toHaveText('clouduser@demo.com');
  const keyHeader = dynamo.grid.getByTestId('dynamo-grid-header').first();
  await expect(keyHeader).toContainText('UserIDpartition key');
  // The key column's name is not cut short by its label.
  const name = keyHeader.locator('span').first();
  expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await keepScreenshot(page, 'course-5-scan');

  await dynamo.queryPartition('1001');
  await expect(dynamo.rows).toHaveCount(1);
  await expect(dynamo.cell('UserID', '1001', 'Email')).toHaveText('monowar@example.com');
  await expect(dynamo.readStatus).toContainText('1 item shown');
  await keepScreenshot(page, 'course-6-query-1001');

  // A value read in full: double-click opens it, as plain JSON or as DynamoDB JSON, to copy.
  await dynamo.cell('UserID', '1001', 'Email').dblclick();
  const viewer = page.getByTestId('dynamo-value-viewer');
  await expect(viewer).toContainText('Email');
  await expect(viewer.getByTestId('dynamo-value-text')).toHaveText('monowar@example.com');
  await viewer.getByText('DynamoDB JSON').click();
  await expect(viewer.getByTestId('dynamo-value-text')).toContainText('"S": "monowar@example.com"');
  await keepScreenshot(page, 'course-7-value');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  // The same state through the SDK.
  const described = await sdk.send(new DescribeTableCommand({ TableName: 'Users' }));
  expect(described.Table?.KeySchema).toEqual([{ AttributeName: 'UserID', KeyType: 'HASH' }]);
  expect(described.Table?.AttributeDefinitions).toEqual([{ AttributeName: 'UserID', AttributeType: 'S' }]);
  expect(described.Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
  for (const item of [ITEM_1001, ITEM_1002]) {
    const got = await sdk.send(
      new GetItemCommand({ TableName: 'Users', Key: { UserID: { S: item.UserID } } }),
    );
    expect(plain(got.Item)).toEqual(item);
  }

  // Under the lab's throttling fault a read is retried, and says so while it waits. Every call is
  // throttled until the notice shows, so it surely shows; then a quarter of them, so the retries left
  // (ten attempts a call) cannot all be throttled in any likely run.
  await dynamo.chooseReadMode('Scan');
  await applyFault(endpoint, { kind: 'throttle', share: 1 });
  await dynamo.root.getByTestId('dynamo-run').click();
  await expect(dynamo.readStatus.getByTestId('dynamo-throttled')).toContainText('throttled, retrying');
  await applyFault(endpoint, { kind: 'throttle', share: 0.25 });
  await dynamo.waitRead();
  await expect(dynamo.rows).toHaveCount(2);
  // Done: the live notice is gone, and the status says the read was throttled and retried.
  await expect(dynamo.readStatus.getByTestId('dynamo-throttled')).toHaveCount(0);
  await expect(dynamo.readStatus.getByTestId('dynamo-throttled-retried')).toContainText(
    /throttled \d+×, retried/,
  );
  await keepScreenshot(page, 'course-7-throttled-retried');
  // A quarter of the calls throttled: the next scan still completes.
  await dynamo.run();
  await expect(dynamo.rows).toHaveCount(2);
  await applyFault(endpoint, { kind: 'throttle', share: 0 });
  await dynamo.run();
  await expect(dynamo.readStatus.getByTestId('dynamo-throttled-retried')).toHaveCount(0);

  // The Stream tab of a table without a stream says so and leads to Details, where it is turned on.
  await dynamo.root.getByTestId('dynamo-subtab-stream').click();
  await expect(dynamo.root.getByTestId('stream-none')).toContainText('This table has no stream');
  await keepScreenshot(page, 'course-8-no-stream');
  await dynamo.root.getByTestId('stream-open-details').click();
  await expect(dynamo.details).toBeVisible();

  // Details: keys, billing, TTL and stream; TTL turned on for an attribute is reported.
  await expect(dynamo.detailField('dynamo-details-keys', 'Partition key')).toContainText('UserID (S)');
  await expect(dynamo.detailField('dynamo-details-keys', 'Sort key')).toContainText('—');
  await expect(dynamo.detailField('dynamo-details-capacity', 'Billing')).toContainText('On demand');
  await expect(dynamo.details.getByTestId('dynamo-ttl-status')).toContainText('Status: disabled');
  await expect(dynamo.details.getByTestId('dynamo-stream-status')).toContainText('Status: off');
  await dynamo.details.getByTestId('dynamo-ttl-switch').check();
  await dynamo.details.getByTestId('dynamo-ttl-attribute').fill('ExpiresAt');
  await dynamo.details.getByTestId('dynamo-ttl-save').click();
  await expect(dynamo.details.getByTestId('dynamo-ttl-status')).toContainText(
    /Status: enabl(ed|ing) · attribute ExpiresAt/,
  );
  await keepScreenshot(page, 'course-9-details');
  const ttl = await sdk.send(new DescribeTimeToLiveCommand({ TableName: 'Users' }));
  expect(ttl.TimeToLiveDescription?.AttributeName).toBe('ExpiresAt');

  // "View as CloudFormation": the table as an AWS::DynamoDB::Table with its key and TTL.
  await dynamo.root.getByTestId('dynamo-view-cfn').click();
  const code = page.getByTestId('code-modal-text');
  await expect(code).toContainText('Type: AWS::DynamoDB::Table');
  await expect(code).toContainText('TableName: Users');
  await expect(code).toContainText(/KeySchema:\s+- AttributeName: UserID\s+KeyType: HASH/);
  await expect(code).toContainText('BillingMode: PAY_PER_REQUEST');
  await expect(code).toContainText('AttributeName: ExpiresAt');
  await keepScreenshot(page, 'course-10-cloudformation');
  await page.keyboard.press('Escape');
  await expect(code).toHaveCount(0);

  // Delete the table by typing its name: gone from the list, and for the SDK.
  const dialog = await dynamo.confirmDeleteTable('Users');
  await keepScreenshot(page, 'course-11-delete-table');
  await dialog.getByTestId('delete-table-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(dynamo.root.getByTestId('dynamo-no-selection')).toBeVisible();
  await expect(dynamo.tableItem('Users')).toHaveCount(0);
  const tables = await sdk.send(new ListTablesCommand({}));
  expect(tables.TableNames ?? []).not.toContain('Users');
  sdk.destroy();
});
