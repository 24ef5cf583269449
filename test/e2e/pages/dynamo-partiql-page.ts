import { expect, type Locator, type Page } from '@playwright/test';

/** One DynamoDB table's PartiQL and Stream sub-tabs (and the Details stream switch they lead to). */
export class DynamoPartiqlPage {
  readonly tab: Locator;
  readonly tableView: Locator;
  readonly partiql: Locator;
  readonly editor: Locator;
  readonly status: Locator;
  readonly results: Locator;
  readonly grid: Locator;
  readonly error: Locator;
  readonly outcomes: Locator;
  readonly stream: Locator;
  readonly streamStatus: Locator;
  readonly records: Locator;
  readonly diff: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('dynamo-tab');
    this.tableView = page.getByTestId('dynamo-table-view');
    this.partiql = page.getByTestId('dynamo-partiql');
    this.editor = this.partiql.getByTestId('partiql-editor');
    this.status = this.partiql.getByTestId('partiql-status');
    this.results = this.partiql.getByTestId('partiql-results');
    this.grid = this.results.getByTestId('dynamo-grid');
    this.error = this.partiql.getByTestId('partiql-error');
    this.outcomes = this.partiql.getByTestId('partiql-outcome');
    this.stream = page.getByTestId('dynamo-stream-tail');
    this.streamStatus = this.stream.getByTestId('stream-status');
    this.records = this.stream.getByTestId('stream-record');
    this.diff = this.stream.getByTestId('stream-diff');
  }

  /** Picks the table in the DynamoDB tab's list (refreshed until the lab has seeded it); waits for its view. */
  async openTable(name: string): Promise<void> {
    const item = this.tab.locator(`[data-testid="dynamo-table-item"][data-table="${name}"]`);
    await expect(async () => {
      if (!(await item.isVisible())) await this.tab.getByTestId('dynamo-refresh').click();
      await expect(item).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 120_000 });
    await item.click();
    await expect(this.tableView).toHaveAttribute('data-table', name);
  }

  async openPartiql(): Promise<void> {
    await this.tableView.getByTestId('dynamo-subtab-partiql').click();
    await expect(this.editor).toHaveAttribute('data-editor-ready', 'true', { timeout: 30_000 });
  }

  /** The editor's text as Monaco renders it (non-breaking spaces turned back into spaces). */
  async editorText(): Promise<string> {
    return (await this.editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  }

  /** Replaces the editor's text, typed as a user would; `close` shuts a completion list it opened. */
  async typeStatement(text: string, { close = true }: { close?: boolean } = {}): Promise<void> {
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.type(text);
    if (close) await this.page.keyboard.press('Escape');
  }

  /** Ctrl/Cmd+Enter in the editor; waits until the run has finished, whatever its outcome. */
  async run(): Promise<void> {
    const before = Number((await this.status.getAttribute('data-runs')) ?? '0');
    await this.editor.locator('textarea, .native-edit-context').first().focus();
    await this.page.keyboard.press('ControlOrMeta+Enter');
    await expect(this.status).toHaveAttribute('data-runs', String(before + 1), { timeout: 30_000 });
  }

  /** Monaco's completion list, while it is open. */
  get suggestions(): Locator {
    return this.page.locator('.suggest-widget.visible');
  }

  /** Types at the cursor without clearing or closing anything. */
  async typeMore(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  cell(row: number, column: string): Locator {
    return this.grid.getByTestId('dynamo-grid-row').nth(row).locator(`[data-column="${column}"]`);
  }

  async openStream(): Promise<void> {
    await this.tableView.getByTestId('dynamo-subtab-stream').click();
  }

  /** In Details: turns the stream on with new and old images and saves. */
  async enableStream(): Promise<void> {
    const control = this.tableView.getByTestId('dynamo-stream');
    await control.getByLabel('Stream changes').check();
    await control.getByRole('button', { name: 'Save' }).click();
    await expect(control).toContainText('on · NEW_AND_OLD_IMAGES');
  }

  async startTail(): Promise<void> {
    await this.stream.getByTestId('stream-start').click();
    await expect(this.streamStatus).toHaveAttribute('data-status', 'running', { timeout: 30_000 });
  }

  diffRow(attribute: string): Locator {
    return this.diff.locator(`[data-testid="stream-diff-row"][data-name="${attribute}"]`);
  }
}
