import { expect, type Locator, type Page } from '@playwright/test';

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The DynamoDB tab: table list, the item grid, the item drawer and the staged changes. */
export class DynamoPage {
  readonly root: Locator;
  readonly grid: Locator;
  readonly rows: Locator;
  readonly readStatus: Locator;
  readonly editor: Locator;
  readonly editorText: Locator;
  readonly editorTitle: Locator;
  readonly saveButton: Locator;
  readonly stageButton: Locator;
  readonly itemError: Locator;
  readonly conflict: Locator;
  readonly staging: Locator;
  readonly stagedRows: Locator;
  readonly commitButton: Locator;
  readonly notices: Locator;
  readonly tableList: Locator;
  readonly tableView: Locator;
  readonly details: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('dynamo-tab');
    this.grid = this.root.getByTestId('dynamo-grid');
    this.rows = this.grid.getByTestId('dynamo-grid-row');
    this.readStatus = this.root.getByTestId('dynamo-read-status');
    this.editor = this.root.getByTestId('dynamo-item-editor');
    this.editorText = this.editor.getByTestId('dynamo-item-text');
    this.editorTitle = this.editor.getByTestId('dynamo-item-title');
    this.saveButton = this.editor.getByTestId('dynamo-item-save');
    this.stageButton = this.editor.getByTestId('dynamo-item-stage');
    this.itemError = this.editor.getByTestId('dynamo-item-error');
    this.conflict = this.editor.getByTestId('dynamo-conflict');
    this.staging = this.root.getByTestId('dynamo-staging');
    this.stagedRows = this.staging.getByTestId('dynamo-staged-row');
    this.commitButton = this.staging.getByTestId('dynamo-staging-commit');
    this.notices = page.getByTestId('dynamo-write-notice');
    this.tableList = this.root.getByTestId('dynamo-table-list');
    this.tableView = this.root.getByTestId('dynamo-table-view');
    this.details = this.root.getByTestId('dynamo-details');
  }

  /** The expression the builder's form makes, as its panel shows it (opening the panel). */
  async showExpression(): Promise<Locator> {
    const text = this.root.getByTestId('dynamo-expression-text');
    if (!(await text.isVisible())) await this.root.getByTestId('dynamo-expression-toggle').click();
    return text;
  }

  /** Opens the tab from the sidebar's AWS section and waits for the table list. */
  static async open(page: Page): Promise<DynamoPage> {
    await page.getByTestId('open-dynamo').click();
    const dynamo = new DynamoPage(page);
    await expect(dynamo.root).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    return dynamo;
  }

  tableItem(name: string): Locator {
    return this.tableList.locator(`[data-testid="dynamo-table-item"][data-table="${name}"]`);
  }

  /** Fills "Create table" with a name and a string partition key, on demand; leaves it open. */
  async fillCreateTable(name: string, partitionKey: string): Promise<Locator> {
    await this.root.getByTestId('dynamo-create-table').click();
    const dialog = this.page.getByTestId('create-table-dialog');
    await dialog.getByTestId('create-table-name').fill(name);
    await dialog.getByTestId('create-pk-name').fill(partitionKey);
    return dialog;
  }

  /** Submits the dialog and waits for the new table's (empty) items. */
  async submitCreateTable(dialog: Locator, name: string): Promise<void> {
    await dialog.getByTestId('create-table-submit').click();
    await expect(dialog).toHaveCount(0);
    await expect(this.tableView).toHaveAttribute('data-table', name);
    await expect(this.tableView).toHaveAttribute('data-status', 'ACTIVE', { timeout: 30_000 });
    await this.waitRead();
  }

  /** "New item": types the item and creates it. */
  async createItem(text: string): Promise<void> {
    await this.root.getByTestId('dynamo-new-item').click();
    await expect(this.editorTitle).toHaveText('New item');
    await expect(this.editorText).toHaveAttribute('data-editor-ready', 'true', { timeout: 15_000 });
    await expect(this.saveButton).toHaveText('Create');
    await this.typeItem(text);
    await this.saveAndClose();
  }

  async chooseReadMode(mode: 'Scan' | 'Query'): Promise<void> {
    await this.root.getByTestId('dynamo-mode').getByText(mode, { exact: true }).click();
  }

  /** A query on the partition key alone: `<key> = value`, then Run. */
  async queryPartition(value: string): Promise<void> {
    await this.chooseReadMode('Query');
    await this.root.getByTestId('dynamo-pk-value').fill(value);
    await this.run();
  }

  detailField(section: string, label: string): Locator {
    return this.details.getByTestId(section).locator(`[data-field="${label}"]`);
  }

  /** Table menu → "Delete table…" with the name typed, so Delete is enabled; returns the dialog. */
  async confirmDeleteTable(name: string): Promise<Locator> {
    await this.root.getByTestId('dynamo-table-menu').click();
    await this.page.getByTestId('dynamo-delete-table').click();
    const dialog = this.page.getByTestId('delete-table-dialog');
    const confirm = dialog.getByTestId('delete-table-confirm');
    await expect(confirm).toBeDisabled();
    await dialog.getByTestId('type-to-confirm').fill(name);
    await expect(confirm).toBeEnabled();
    return dialog;
  }

  /** Selects a table and waits for its first page of items. */
  async openTable(name: string): Promise<void> {
    await this.root.locator(`[data-testid="dynamo-table-item"][data-table="${name}"]`).click();
    await expect(this.root.getByTestId('dynamo-table-view')).toHaveAttribute('data-status', 'ACTIVE');
    await this.waitRead();
  }

  /** The last read finished (the grid shows its result). */
  async waitRead(): Promise<void> {
    await expect(this.readStatus).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  }

  /** Runs the scan or query again, as the Run button does. */
  async run(): Promise<void> {
    await this.root.getByTestId('dynamo-run').click();
    await this.waitRead();
  }

  /** The grid row whose `keyName` cell reads `key`. */
  row(keyName: string, key: string): Locator {
    return this.rows.filter({
      has: this.page.locator(`[data-testid="dynamo-grid-cell"][data-column="${keyName}"]`, {
        hasText: exactly(key),
      }),
    });
  }

  cell(keyName: string, key: string, column: string): Locator {
    return this.row(keyName, key).locator(`[data-testid="dynamo-grid-cell"][data-column="${column}"]`);
  }

  /** Selects the item's row and opens it with Edit; waits for Monaco. */
  async editItem(keyName: string, key: string): Promise<void> {
    await this.cell(keyName, key, keyName).click();
    await this.root.getByTestId('dynamo-edit-item').click();
    await expect(this.editorTitle).toHaveText(`Edit ${keyName}=${key}`);
    await expect(this.editorText).toHaveAttribute('data-editor-ready', 'true', { timeout: 15_000 });
  }

  /** Replaces the editor's text by typing it, as a user would (Monaco closes brackets and quotes). */
  async typeItem(text: string): Promise<void> {
    await this.editorText.locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.type(text);
  }

  /** The editor's text as Monaco renders it, on one line with single spaces. */
  async itemText(): Promise<string> {
    const text = await this.editorText.locator('.view-lines').innerText();
    return text
      .replace(/\u00a0/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  async chooseMode(label: 'Plain JSON' | 'DynamoDB JSON'): Promise<void> {
    await this.editor.getByTestId('dynamo-item-mode').getByText(label, { exact: true }).click();
  }

  /** Clicks Save (or Create) and waits until the drawer has closed after the write. */
  async saveAndClose(): Promise<void> {
    await this.saveButton.click();
    await expect(this.editor).toHaveCount(0);
    await this.waitRead();
  }

  async stage(): Promise<void> {
    await this.stageButton.click();
    await expect(this.editor).toHaveCount(0);
  }

  conflictRow(attribute: string): Locator {
    return this.conflict.locator(`[data-testid="dynamo-conflict-row"][data-attribute="${attribute}"]`);
  }
}
