import { expect, type Locator, type Page } from '@playwright/test';

/** A replication tab: toolbar, topology graph, node detail panel, consistency check. */
export class ReplicationPage {
  readonly root: Locator;
  readonly graph: Locator;
  readonly nodes: Locator;
  readonly detail: Locator;
  readonly summary: Locator;
  readonly refreshTime: Locator;
  readonly refreshError: Locator;
  readonly openError: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('[data-testid="replication-tab"]:visible');
    this.graph = this.root.getByTestId('replication-graph');
    this.nodes = this.graph.getByTestId('replication-node');
    this.detail = this.root.getByTestId('replication-detail');
    this.summary = this.root.getByTestId('replication-summary');
    this.refreshTime = this.root.getByTestId('refresh-time');
    this.refreshError = this.root.getByTestId('replication-refresh-error');
    this.openError = this.root.getByTestId('replication-open-error');
  }

  /** The monitor has answered and the graph is drawn. */
  async waitOpen(timeout = 60_000): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', /open|failed/, { timeout });
    await expect(this.openError).toHaveCount(0);
    await expect(this.graph).toHaveAttribute('data-ready', 'true');
  }

  /** A node by its RDS identifier or its label (the profile's name or host:port). */
  node(name: string): Locator {
    const card = '[data-testid="replication-node"]';
    return this.graph.locator(`${card}[data-rds-id="${name}"], ${card}[data-label="${name}"]`);
  }

  /** Opens a node's detail panel. */
  async openDetail(name: string): Promise<Locator> {
    const key = await this.node(name).getAttribute('data-node-key');
    await this.node(name).click();
    await expect(this.detail).toHaveAttribute('data-node-key', key ?? '');
    return this.detail;
  }

  /** Turns on the heartbeat that writes `<schema>.heartbeat` on the primary, consenting when asked. */
  async enableTableHeartbeat(schema: string): Promise<void> {
    await this.root.getByTestId('heartbeat-button').click();
    const settings = this.page.getByTestId('heartbeat-settings');
    await settings.getByTestId('heartbeat-enabled').check();
    await settings.getByTestId('heartbeat-mode').getByText('Own table').click();
    await settings.getByTestId('heartbeat-schema').fill(schema);
    await settings.getByTestId('heartbeat-apply').click();
    // Consent is asked once per connection; a later tab on it starts the heartbeat at once.
    const consent = this.page.getByTestId('heartbeat-consent');
    const allow = consent.getByTestId('heartbeat-consent-ok');
    const enabled = this.root.locator('[data-testid="heartbeat-button"][data-enabled="true"]');
    await expect(allow.or(enabled)).toBeVisible();
    if (await allow.isVisible()) {
      await expect(consent).toContainText(`${schema}.heartbeat`);
      await allow.click();
      await expect(allow).toBeHidden();
    }
    await expect(enabled).toBeVisible();
    await expect(settings).toBeHidden();
  }

  /** Reads every node now instead of at the next 2 s tick. */
  async refresh(): Promise<void> {
    await this.root.getByTestId('replication-refresh').click();
  }

  /** The node's heartbeat lag in seconds, or NaN before the first sample. */
  async measuredSeconds(name: string): Promise<number> {
    return Number((await this.node(name).getAttribute('data-measured-ms')) ?? Number.NaN) / 1000;
  }

  /** The result line of a table (against the one replica of the lab). */
  checkResult(table: string): Locator {
    return this.page.locator(`[data-testid="check-result"][data-table="${table}"]`);
  }

  async closeCheck(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('check-start')).toBeHidden();
  }

  /** Opens the consistency check, ticks `tables` and runs it; returns the dialog once it is done. */
  async runCheck(tables: string[]): Promise<Locator> {
    await this.root.getByTestId('open-check').click();
    const dialog = this.page.getByTestId('check-panel');
    for (const table of tables) {
      await dialog.locator(`[data-testid="check-table"][data-table="${table}"] input`).check();
    }
    const before = (await dialog.getAttribute('data-check-id')) ?? '';
    await dialog.getByTestId('check-start').click();
    // A new check: its own id, then one of the final phases.
    await expect(dialog).not.toHaveAttribute('data-check-id', before);
    await expect(dialog).toHaveAttribute('data-phase', /done|failed|cancelled/, { timeout: 60_000 });
    return dialog;
  }
}
