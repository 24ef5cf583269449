import { expect, type Locator, type Page } from '@playwright/test';
import { SqlTab } from './sql-tab';

/** The RDS instances tab: toolbar, table or topology, detail panel, actions and their live status. */
export class RdsInstances {
  readonly root: Locator;
  readonly rows: Locator;
  readonly regionErrors: Locator;
  readonly topology: Locator;
  readonly topologyNodes: Locator;
  readonly detail: Locator;
  readonly actionDialog: Locator;
  readonly operations: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('rds-tab');
    this.rows = this.root.getByTestId('rds-row');
    this.regionErrors = this.root.getByTestId('region-error');
    this.topology = this.root.getByTestId('rds-topology');
    this.topologyNodes = this.topology.getByTestId('topology-node');
    this.detail = this.root.getByTestId('rds-detail');
    this.actionDialog = page.getByTestId('rds-action-form');
    this.operations = this.root.getByTestId('rds-operation');
  }

  /** The list has answered (instances, or errors shown in place). */
  async waitLoaded(timeout = 30_000): Promise<void> {
    await expect(this.root).toHaveAttribute('data-state', 'ready', { timeout });
  }

  row(id: string): Locator {
    return this.root.locator(`[data-testid="rds-row"][data-instance-id="${id}"]`);
  }

  topologyNode(id: string): Locator {
    return this.topology.locator(`[data-testid="topology-node"][data-instance-id="${id}"]`);
  }

  /** The edge drawn from a source to its replica (both in `region` unless told otherwise). */
  topologyEdge(source: string, replica: string, region = 'us-east-1', replicaRegion = region): Locator {
    return this.topology.getByTestId(`rf__edge-${region}/${source}->${replicaRegion}/${replica}`);
  }

  operation(instanceId: string): Locator {
    return this.root.locator(`[data-testid="rds-operation"][data-instance-id="${instanceId}"]`);
  }

  async showTopology(): Promise<void> {
    await this.root.getByTestId('rds-view').getByText('Topology').click();
    await expect(this.topology).toHaveAttribute('data-ready', 'true');
  }

  async showTable(): Promise<void> {
    await this.root.getByTestId('rds-view').getByText('Table').click();
    await expect(this.root.getByTestId('rds-table')).toBeVisible();
  }

  async search(text: string): Promise<void> {
    await this.root.getByTestId('rds-search').fill(text);
  }

  /** Opens the detail panel of an instance (a row click). */
  async openDetail(id: string): Promise<Locator> {
    await this.row(id).getByTestId('instance-id').click();
    await expect(this.detail).toHaveAttribute('data-instance-id', id);
    return this.detail;
  }

  /** Opens the row's menu and picks an action (`createReplica`, `reboot`, `delete`…, or `connect`). */
  async chooseAction(id: string, action: string): Promise<void> {
    await this.row(id).getByTestId('rds-row-menu').click();
    await this.page.getByTestId(`rds-action-${action}`).click();
  }

  /** Create read replica from the row menu, with the given identifier; returns once AWS accepted it. */
  async createReplica(sourceId: string, replicaId: string): Promise<void> {
    await this.chooseAction(sourceId, 'createReplica');
    await expect(this.actionDialog).toHaveAttribute('data-action', 'createReplica');
    await this.actionDialog.getByTestId('replica-id').fill(replicaId);
    await this.actionDialog.getByTestId('rds-action-confirm').click();
    await expect(this.actionDialog).toBeHidden({ timeout: 30_000 });
  }

  /** Waits for the live status of an action on `instanceId` to end as `done`. */
  async waitOperationDone(instanceId: string, timeout: number): Promise<void> {
    await expect(this.operation(instanceId)).toHaveAttribute('data-op-state', /done|failed/, { timeout });
    await expect(this.operation(instanceId)).toHaveAttribute('data-op-state', 'done');
  }

  /** "Connect" from the row menu; returns the SQL tab it opens once its editor is ready. */
  async connect(id: string): Promise<SqlTab> {
    await this.chooseAction(id, 'connect');
    const tab = new SqlTab(this.page);
    await tab.waitEditorReady();
    return tab;
  }
}
