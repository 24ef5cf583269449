import { expect, type Locator, type Page } from '@playwright/test';

/** The table editor tab on screen, its review dialog, and the EXPLAIN and export dialogs it opens. */
export class TableEditor {
  readonly root: Locator;
  readonly grid: Locator;
  readonly rows: Locator;
  readonly newRows: Locator;
  readonly readOnly: Locator;
  readonly review: Locator;
  readonly explain: Locator;
  readonly exportDialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('table-editor').filter({ visible: true });
    this.grid = this.root.getByTestId('table-edit-grid');
    this.rows = this.grid.getByTestId('table-row');
    this.newRows = this.grid.getByTestId('table-row-new');
    this.readOnly = this.root.getByTestId('table-read-only');
    this.review = page.getByTestId('review-dialog');
    this.explain = page.getByTestId('explain-dialog');
    this.exportDialog = page.getByTestId('export-dialog');
  }

  /** Opens a table from the schema tree's menu ("Edit rows"), opening its database first when needed. */
  static async openFromSchema(
    page: Page,
    schemaRoot: Locator,
    database: string,
    table: string,
  ): Promise<TableEditor> {
    const dbRow = schemaRoot.locator(
      `[data-testid="schema-row"][data-kind="database"][data-name="${database}"]`,
    );
    const tableRow = schemaRoot.locator(
      `[data-testid="schema-row"][data-kind="table"][data-name="${table}"][data-database="${database}"]`,
    );
    // Clicked on its chevron (the middle of a row may hold its menu button); only while still closed.
    await expect(async () => {
      if (!(await tableRow.isVisible()) && (await dbRow.getAttribute('data-expanded')) !== 'true')
        await dbRow.click({ position: { x: 14, y: 10 } });
      await expect(tableRow).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 15_000 });
    await tableRow.click({ button: 'right' });
    await page.getByTestId('schema-menu').getByTestId('schema-action-edit').click();
    const editor = new TableEditor(page);
    await expect(editor.root).toHaveAttribute('data-table', `${database}.${table}`);
    return editor;
  }

  cell(row: Locator, column: string): Locator {
    return row.locator(`td[data-column="${column}"]`);
  }

  /** The loaded row whose first column shows `id`. */
  row(id: string): Locator {
    return this.rows.filter({
      has: this.page
        .locator('td[data-column]')
        .first()
        .filter({ hasText: new RegExp(`^${id}$`) }),
    });
  }

  /** Double-clicks the cell, types the value and presses Enter. */
  async type(row: Locator, column: string, value: string): Promise<void> {
    await this.cell(row, column).dblclick();
    const input = this.grid.getByTestId('cell-editor');
    await input.fill(value);
    await input.press('Enter');
    await expect(input).toHaveCount(0);
  }

  async setNull(row: Locator, column: string): Promise<void> {
    await this.cell(row, column).dblclick();
    await this.grid.getByTestId('cell-set-null').click();
    await expect(this.grid.getByTestId('cell-editor')).toHaveCount(0);
  }

  button(testId: string): Locator {
    return this.root.getByTestId(testId);
  }
}
