import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { AwsPanel } from './pages/aws-panel';
import { DynamoTransferPage } from './pages/dynamo-transfer-dialogs';
import { keepScreenshot, useLabApp } from './support/lab-app';

const app = useLabApp({ dataDirPrefix: 'rdx-e2e-dynamo-transfer-' });

const userIds = (jsonLines: string): string[] =>
  jsonLines
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { UserID: string }).UserID)
    .sort();

test('exports the lab table Users as JSON lines and imports a file, reporting its rejected line', async ({
  page,
}) => {
  // The lab starts its MariaDB instances as well as DynamoDB; that takes minutes on a small machine.
  test.setTimeout(360_000);
  const ui = new AppPage(page);
  await ui.goto(app.url);
  const aws = new AwsPanel(page);
  await aws.chooseProfile('Local lab');
  await aws.waitIdentity(240_000);

  const dynamo = new DynamoTransferPage(page);
  await dynamo.openTable('Users');
  await keepScreenshot(page, 'dynamo-table-header');

  const exported = await dynamo.exportTable('JSON lines');
  expect(userIds(exported)).toEqual(['1001', '1002']);
  expect(JSON.parse(exported.split('\n')[0] ?? '{}')).toHaveProperty('Name');
  await expect(dynamo.exportDialog.getByTestId('dynamo-export-done')).toContainText('2 items');
  await keepScreenshot(page, 'dynamo-export-done');
  await dynamo.closeExport();

  // A malformed line: nothing can be imported until the file is fixed.
  await dynamo.openImport();
  await dynamo.chooseFile(
    'broken.jsonl',
    '{"UserID": "2001", "Name": "Ann"}\n{"UserID": "2002", "Name": \n{"UserID": "2003"}\n',
  );
  const malformed = dynamo.importDialog.getByTestId('dynamo-import-malformed');
  await expect(malformed).toContainText('1 of 3 lines is not valid JSON lines');
  await expect(malformed.getByTestId('dynamo-import-malformed-line')).toHaveAttribute('data-line', '2');
  await expect(dynamo.startImport).toBeDisabled();
  await keepScreenshot(page, 'dynamo-import-malformed');

  // Fixed, but one line has no key: the rest is imported and the line is reported with its reason.
  await dynamo.chooseFile(
    'users.jsonl',
    '{"UserID": "2001", "Name": "Ann", "Age": 31}\n{"Name": "No key"}\n{"UserID": "2002", "Name": "Bob", "Tags": {"$set": ["x", "y"]}}\n',
  );
  const previewRows = dynamo.importDialog.getByTestId('dynamo-import-preview-row');
  await expect(previewRows).toHaveCount(3);
  await expect(previewRows.nth(1)).toHaveAttribute('data-problem', 'true');
  await expect(dynamo.importDialog.getByTestId('dynamo-import-key-problems')).toContainText(
    'The key attribute UserID is missing',
  );
  await keepScreenshot(page, 'dynamo-import-preview');
  await expect(dynamo.startImport).toHaveText('Import 2 items');
  await dynamo.startImport.click();
  await expect(dynamo.importDone).toHaveAttribute('data-written', '2', { timeout: 30_000 });
  await expect(dynamo.importDone).toHaveAttribute('data-rejected', '1');
  const rejected = dynamo.importDone.getByTestId('dynamo-import-rejected-row');
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toHaveAttribute('data-line', '2');
  await expect(rejected).toContainText('The key attribute UserID is missing');
  await keepScreenshot(page, 'dynamo-import-report');
  await dynamo.importDialog.getByTestId('dynamo-import-close').click();

  // The imported items are in the table: a second export reads them back.
  expect(userIds(await dynamo.exportTable('JSON lines'))).toEqual(['1001', '1002', '2001', '2002']);
  await dynamo.closeExport();

  // The explorer's scan is "the current result": it can be exported as it was run.
  await page.getByTestId('dynamo-export').click();
  const current = dynamo.exportDialog.getByTestId('dynamo-export-source-result');
  await expect(current).toBeEnabled();
  await expect(dynamo.exportDialog).toContainText('The current result: Scan of Users');
  await current.check();
  expect(userIds(await dynamo.exportTable('JSON lines'))).toEqual(['1001', '1002', '2001', '2002']);
});
