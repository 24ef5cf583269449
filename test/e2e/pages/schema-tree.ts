import { expect, type Locator, type Page } from '@playwright/test';

/** The schema tree in the visible SQL tab's left pane. */
export class SchemaTree {
  readonly root: Locator;
  readonly filter: Locator;
  readonly rows: Locator;
  readonly menu: Locator;
  readonly ddlModal: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('sql-tab').filter({ visible: true }).getByTestId('schema-panel');
    this.filter = this.root.getByTestId('schema-filter');
    this.rows = this.root.getByTestId('schema-row');
    this.menu = page.getByTestId('schema-menu');
    this.ddlModal = page.getByTestId('ddl-modal');
  }

  async waitReady(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  }

  /** A row by kind and exact name (optionally within one database). */
  row(kind: string, name: string, database?: string): Locator {
    const db = database === undefined ? '' : `[data-database="${database}"]`;
    return this.root.locator(`[data-testid="schema-row"][data-kind="${kind}"][data-name="${name}"]${db}`);
  }

  /** Clicks the row open unless it already is, and waits for its children to have loaded. */
  async expand(kind: string, name: string, database?: string): Promise<void> {
    const row = this.row(kind, name, database);
    if ((await row.getAttribute('data-expanded')) !== 'true') await row.click();
    await expect(row).toHaveAttribute('data-expanded', 'true');
    await expect(this.root.locator('[data-status="loading"]')).toHaveCount(0);
  }

  async action(kind: string, name: string, action: 'select' | 'ddl' | 'copy' | 'drop'): Promise<void> {
    await this.row(kind, name).click({ button: 'right' });
    await this.menu.getByTestId(`schema-action-${action}`).click();
  }

  /** Names of the visible rows of one kind, in order. */
  async names(kind: string): Promise<string[]> {
    return this.root
      .locator(`[data-testid="schema-row"][data-kind="${kind}"]`)
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-name') ?? ''));
  }
}
