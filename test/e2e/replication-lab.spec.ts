import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { AwsPanel } from './pages/aws-panel';
import { ReplicationPage } from './pages/replication-page';
import type { SqlTab } from './pages/sql-tab';
import { keepScreenshot, useLabApp } from './support/lab-app';

const app = useLabApp({ dataDirPrefix: 'rdx-e2e-replication-' });

/** The lab's edge endpoint, as the status bar shows it. */
async function labEndpoint(page: Page): Promise<string> {
  const text = await page.getByTestId('lab-status').innerText();
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(text)?.[0];
  expect(url, 'the lab endpoint in the status bar').toBeDefined();
  return url ?? '';
}

/** Applies a fault through the lab's admin route, as `npm run lab -- fault` does. */
async function applyFault(endpoint: string, fault: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${endpoint}/_lab/fault`, {
    method: 'POST',
    headers: await app.labAdminHeaders(),
    body: JSON.stringify(fault),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** Setup through the SQL tab; pasted rather than typed, the editor is not what this file tests. */
async function runSql(sql: SqlTab, text: string): Promise<void> {
  await sql.typeSql('');
  await sql.page.keyboard.insertText(text);
  await sql.run();
  expect(await sql.resultState(), await sql.editorText()).toBe('done');
}

/** As a new user: the lab's RDS instances, then "Check replication" on the primary's details. */
async function openLabReplication(page: Page, shot?: string): Promise<ReplicationPage> {
  const ui = new AppPage(page);
  await ui.goto(app.url);
  await expect(page.getByTestId('lab-status')).toHaveAttribute('data-lab-state', 'ready', {
    timeout: 240_000,
  });

  const aws = new AwsPanel(page);
  await aws.chooseProfile('Local lab');
  await aws.waitIdentity(60_000);
  const rds = await aws.openRdsInstances();
  await rds.waitLoaded();
  await expect(rds.row('myrdslab')).toHaveAttribute('data-status', 'available', { timeout: 60_000 });
  await expect(rds.row('myrdslab-replica')).toHaveAttribute('data-status', 'available', { timeout: 60_000 });

  // Check replication from the primary's details: a tab on its linked connection profile.
  const detail = await rds.openDetail('myrdslab');
  if (shot) await keepScreenshot(page, shot);
  await detail.getByTestId('detail-check-replication').click();
  const replication = new ReplicationPage(page);
  await replication.waitOpen();
  return replication;
}

test('the lab topology turns red when replication breaks and green again once repaired', async ({ page }) => {
  // The lab starts and seeds two MariaDB instances before anything can be checked.
  test.setTimeout(420_000);
  const replication = await openLabReplication(page, 'rds-detail-check-replication');
  await expect(page.getByTestId('replication-tab-handle')).toContainText('myrdslab');
  await expect(replication.nodes).toHaveCount(2);
  await expect(replication.node('myrdslab')).toHaveAttribute('data-role', 'primary');
  await expect(replication.node('myrdslab-replica')).toHaveAttribute('data-role', 'replica');
  await expect(replication.node('myrdslab')).toHaveAttribute('data-health', 'healthy');
  await expect(replication.node('myrdslab-replica')).toHaveAttribute('data-health', 'healthy', {
    timeout: 30_000,
  });
  await expect(replication.node('myrdslab-replica').getByTestId('node-health')).toHaveText('Healthy');
  await expect(replication.node('myrdslab-replica').getByTestId('node-threads')).toContainText('IO running');
  await expect(replication.summary).toHaveText('2 nodes, all healthy');
  await expect(replication.refreshTime).toContainText(/read in \d/);
  await keepScreenshot(page, 'replication-healthy');

  // A conflicting row stops the replica's SQL thread: the node turns red with the server's error.
  const endpoint = await labEndpoint(page);
  await applyFault(endpoint, { kind: 'break-replication', target: 'myrdslab-replica' });
  const replica = replication.node('myrdslab-replica');
  await expect(replica).toHaveAttribute('data-health', 'broken', { timeout: 30_000 });
  await expect(replica.getByTestId('node-health')).toHaveText('Broken');
  await expect(replica.getByTestId('node-reason')).toContainText('Duplicate entry');
  await expect(replica.getByTestId('node-threads')).toContainText('SQL stopped');
  await expect(replication.node('myrdslab')).toHaveAttribute('data-health', 'healthy');
  await expect(replication.summary).toHaveText('2 nodes · 1 broken');
  // The change is announced in the app, not only drawn.
  await expect(
    page.locator('.mantine-Notification-root', { hasText: 'myrdslab-replica: broken' }),
  ).toBeVisible();

  const panel = await replication.openDetail('myrdslab-replica');
  await expect(panel.getByTestId('last-sql-error')).toContainText('Duplicate entry');
  await expect(panel.getByTestId('lag-chart')).toBeVisible();
  await expect(panel.locator('[data-field="SQL thread"]')).toContainText('stopped');
  // The picture for the docs: the graph and the panel, no toast over them.
  await page.locator('.mantine-Notification-root').getByRole('button').click();
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  await keepScreenshot(page, 'replication-broken');

  // Repaired (the conflicting row skipped, the SQL thread restarted): green again, by itself.
  await applyFault(endpoint, { kind: 'repair-replication', target: 'myrdslab-replica' });
  await expect(replica).toHaveAttribute('data-health', 'healthy', { timeout: 30_000 });
  await expect(replica.getByTestId('node-reason')).toHaveCount(0);
  await expect(replica.getByTestId('node-threads')).toContainText('SQL running');
  await expect(replication.summary).toHaveText('2 nodes, all healthy');
  await expect(panel.getByTestId('last-sql-error')).toHaveCount(0);
  await expect(
    page.locator('.mantine-Notification-root', { hasText: 'myrdslab-replica: healthy' }),
  ).toBeVisible();
  await keepScreenshot(page, 'replication-repaired');

  // The heartbeat writes on the primary only with consent; then the replica's lag is measured.
  await replication.enableTableHeartbeat('rdx_e2e');
  await expect(replica.getByTestId('node-measured-lag')).toHaveText(/^\d+ ms$/, { timeout: 30_000 });

  // Primary and replica hold the same rows once the replica caught up.
  const check = await replication.runCheck(['demo.users']);
  await expect(check).toHaveAttribute('data-phase', 'done');
  await expect(check.locator('[data-testid="check-result"][data-table="demo.users"]')).toHaveAttribute(
    'data-verdict',
    'match',
  );
  await keepScreenshot(page, 'replication-check');
  await replication.closeCheck();

  // A change on the primary kept out of its binary log never reaches the replica: the check finds it.
  const ui = new AppPage(page);
  const sql = await ui.openProfile('myrdslab');
  await runSql(sql, 'SET SESSION sql_log_bin = 0');
  await runSql(sql, "UPDATE demo.users SET email = 'drift@example.com' WHERE name = 'CloudUser'");
  await page.getByTestId('replication-tab-handle').click();
  const drift = await replication.runCheck(['demo.users']);
  await expect(replication.checkResult('demo.users')).toHaveAttribute('data-verdict', 'mismatch');
  await replication.checkResult('demo.users').getByRole('button').click();
  const range = drift.getByTestId('differing-range');
  await expect(range).toHaveCount(1);
  await expect(range.locator('[data-side="primary"]')).toContainText('drift@example.com');
  await expect(range.locator('[data-side="replica"]')).toContainText('clouduser@demo.com');
  await keepScreenshot(page, 'replication-check-mismatch');
  await replication.closeCheck();
});

test('a delayed replica turns amber with its measured lag, a killed one grey until it is back', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const replication = await openLabReplication(page);
  const replica = replication.node('myrdslab-replica');
  await expect(replica).toHaveAttribute('data-health', 'healthy', { timeout: 30_000 });
  await replication.enableTableHeartbeat('rdx_e2e');
  await expect(replica).toHaveAttribute('data-measured-ms', /^\d+(\.\d+)?$/, { timeout: 30_000 });
  const endpoint = await labEndpoint(page);

  // Eight seconds of delay, over the 5 s threshold: amber, with the heartbeat measuring about that.
  const delay = 8;
  await applyFault(endpoint, { kind: 'replica-delay', target: 'myrdslab-replica', seconds: delay });
  await expect(replica).toHaveAttribute('data-health', 'lagging', { timeout: 60_000 });
  await expect(replica.getByTestId('node-health')).toHaveText('Lagging');
  await expect
    .poll(() => replication.measuredSeconds('myrdslab-replica'), { timeout: 30_000 })
    .toBeGreaterThan(delay - 2);
  expect(await replication.measuredSeconds('myrdslab-replica')).toBeLessThan(delay + 4);
  await keepScreenshot(page, 'replication-lagging');
  await applyFault(endpoint, { kind: 'replica-delay', target: 'myrdslab-replica', seconds: 0 });
  await expect(replica).toHaveAttribute('data-health', 'healthy', { timeout: 60_000 });

  // The lab restarts a killed process by itself, as RDS does: grey while it is down, then green.
  await applyFault(endpoint, { kind: 'kill-instance', target: 'myrdslab-replica' });
  await replication.refresh();
  await expect(
    page.locator('.mantine-Notification-root', { hasText: 'myrdslab-replica: unreachable' }),
  ).toBeVisible({ timeout: 30_000 });
  await keepScreenshot(page, 'replication-unreachable');
  await expect(replica).toHaveAttribute('data-health', 'healthy', { timeout: 90_000 });
  await expect(
    page.locator('.mantine-Notification-root', { hasText: 'myrdslab-replica: healthy' }),
  ).toBeVisible();
});
