import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** The DynamoDB tab's table list and a table's Export and Import dialogs. */
export class DynamoTransferPage {
  readonly tab: Locator;
  readonly tableView: Locator;
  readonly exportDialog: Locator;
  readonly importDialog: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('dynamo-tab');
    this.tableView = page.getByTestId('dynamo-table-view');
    this.exportDialog = page.getByTestId('dynamo-export-dialog');
    this.importDialog = page.getByTestId('dynamo-import-dialog');
  }

  /** Opens the DynamoDB tab from the sidebar and a table once it is listed and active. */
  async openTable(table: string, timeout = 120_000): Promise<void> {
    await this.page.getByTestId('open-dynamo').click();
    const item = this.page.locator(`[data-testid="dynamo-table-item"][data-table="${table}"]`);
    await expect(item).toBeVisible({ timeout });
    await item.click();
    await expect(this.tableView).toHaveAttribute('data-status', 'ACTIVE', { timeout: 30_000 });
  }

  /** Exports with the chosen format and returns the downloaded file's text. */
  async exportTable(format: 'JSON lines' | 'DynamoDB JSON' | 'CSV'): Promise<string> {
    const start = this.exportDialog.getByTestId('dynamo-export-start');
    if (!(await start.isVisible())) await this.page.getByTestId('dynamo-export').click();
    await this.exportDialog.getByTestId('dynamo-export-format').getByText(format, { exact: true }).click();
    const download = this.page.waitForEvent('download');
    await start.click();
    const path = await (await download).path();
    await expect(this.exportDialog.getByTestId('dynamo-export-done')).toBeVisible();
    return readFile(path, 'utf8');
  }

  async closeExport(): Promise<void> {
    await this.exportDialog.getByTestId('dynamo-export-close').click();
    await expect(this.exportDialog.getByTestId('dynamo-export-start')).toBeHidden();
  }

  async openImport(): Promise<void> {
    await this.page.getByTestId('dynamo-import').click();
    await expect(this.importDialog.getByTestId('dynamo-import-choose')).toBeVisible();
  }

  /** Picks a file through the dialog's file chooser. */
  async chooseFile(name: string, text: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importDialog.getByTestId('dynamo-import-choose').click();
    await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await expect(this.importDialog.getByTestId('dynamo-import-file')).toContainText(name);
  }

  get startImport(): Locator {
    return this.importDialog.getByTestId('dynamo-import-start');
  }

  get importDone(): Locator {
    return this.importDialog.getByTestId('dynamo-import-done');
  }
}
