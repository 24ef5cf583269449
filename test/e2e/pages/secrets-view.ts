import { expect, type Locator, type Page } from '@playwright/test';

/** The Secrets tab: search, the list of secrets' metadata, failures per region. */
export class SecretsView {
  readonly root: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly valuesNote: Locator;
  readonly regionErrors: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('secrets-tab');
    this.rows = this.root.getByTestId('secret-row');
    this.search = this.root.getByTestId('secrets-search');
    this.valuesNote = this.root.getByTestId('secrets-values-note');
    this.regionErrors = this.root.getByTestId('secrets-region-error');
  }

  /** "Secrets" beside "RDS instances" in the sidebar's AWS section. */
  static async open(page: Page): Promise<SecretsView> {
    await page.getByTestId('aws-panel').getByTestId('open-secrets').click();
    const view = new SecretsView(page);
    await expect(view.root).toBeVisible();
    return view;
  }

  /** Every chosen region has answered (with secrets or an error in place). */
  async waitLoaded(timeout = 30_000): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', 'ready', { timeout });
  }

  /** Rows whose name starts with `prefix` (RDS names its master secrets `rds!db-<uuid>`). */
  rowsNamed(prefix: string): Locator {
    return this.root.locator(`[data-testid="secret-row"][data-secret-name^="${prefix}"]`);
  }

  async filter(text: string): Promise<void> {
    await this.search.fill(text);
  }
}
