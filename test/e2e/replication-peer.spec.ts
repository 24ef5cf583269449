import { expect, test, type Page } from '@playwright/test';
import { createConnection } from 'mysql2/promise';
import { AppPage } from './pages/app-page';
import { ProfileForm } from './pages/profile-form';
import { ReplicationPage } from './pages/replication-page';
import { e2eEnv as env } from './support/harness-db';

const START = 'replica monitor e2e';
const PEER = 'primary e2e';
const ADMIN = 'replica admin e2e';
const PEER_USER = 'rdx_e2e_peer';

/** An admin connection to the harness replica, for a user the primary does not have. */
const replicaAdmin = () =>
  createConnection({
    host: env('E2E_REPLICA_HOST'),
    port: Number(env('E2E_REPLICA_PORT')),
    user: env('E2E_REPLICA_USER'),
    password: env('E2E_REPLICA_PASSWORD'),
  });

test.afterAll(async ({ browser }) => {
  // The specs share one app and one server pair: leave both as found.
  const page = await browser.newPage();
  const app = new AppPage(page);
  await app.goto(env('E2E_APP_URL'));
  for (const name of [START, PEER, ADMIN])
    if (await app.profileItem(name).count()) await app.deleteProfile(name);
  await page.close();
  const admin = await replicaAdmin();
  await admin.query('SET SESSION sql_log_bin = 0');
  await admin.query(`DROP USER IF EXISTS '${PEER_USER}'@'127.0.0.1'`);
  await admin.end();
});

test('a primary the connection cannot log in to is offered for connection, and read once connected', async ({
  page,
}) => {
  const admin = await replicaAdmin();
  // Kept out of the replica's binary log: no transaction of its own on a replica.
  await admin.query('SET SESSION sql_log_bin = 0');
  await admin.query(`CREATE USER IF NOT EXISTS '${PEER_USER}'@'127.0.0.1' IDENTIFIED BY 'Peer-pass-1'`);
  await admin.query(`GRANT SLAVE MONITOR, PROCESS ON *.* TO '${PEER_USER}'@'127.0.0.1'`);
  await admin.end();

  const app = new AppPage(page);
  await app.goto(env('E2E_APP_URL'));
  await app.addProfile(
    { name: START, host: env('E2E_REPLICA_HOST'), port: env('E2E_REPLICA_PORT'), user: PEER_USER },
    'Peer-pass-1',
  );
  await app.profileItem(START).getByTestId('profile-menu').click();
  await page.getByTestId('profile-replication').click();
  const replication = new ReplicationPage(page);
  await replication.waitOpen();

  // The replica is read with the connection; its primary, which only the replica names, gets no
  // login at all: grey, with a way in.
  const primaryAddress = `${env('E2E_DB_HOST')}:${env('E2E_DB_PORT')}`;
  const peer = replication.node(primaryAddress);
  await expect(replication.node(START)).toHaveAttribute('data-health', 'healthy');
  await expect(peer).toHaveAttribute('data-health', 'unreachable');
  await expect(peer).toHaveAttribute('data-unknown', 'true');
  await expect(peer.getByTestId('node-reason')).toContainText('No credentials are sent');
  await peer.getByTestId('node-connect').click();
  const dialog = page.getByTestId('connect-peer');
  await expect(dialog).toContainText(primaryAddress);
  await expect(dialog.getByTestId('peer-attach')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('replication-peer-dialog.png') });

  // No saved connection reaches it yet: make one from its address, then choose it.
  await dialog.getByTestId('peer-new-profile').click();
  const form = new ProfileForm(page);
  await form.waitOpen();
  await form.fill({ name: PEER, user: env('E2E_DB_USER') });
  await form.setPassword(env('E2E_DB_PASSWORD'));
  await form.save();
  await page.getByTestId('replication-tab-handle').click();
  await peer.getByTestId('node-connect').click();
  // The connection on the peer's address is proposed.
  await expect(dialog.getByTestId('peer-profile')).toHaveValue(new RegExp(`^${PEER} `));
  await dialog.getByTestId('peer-attach').click();

  const primary = replication.node(PEER);
  await expect(primary).toHaveAttribute('data-health', 'healthy', { timeout: 30_000 });
  await expect(primary).toHaveAttribute('data-role', 'primary');
  await expect(primary).not.toHaveAttribute('data-unknown', 'true');
  await expect(replication.summary).toHaveText('2 nodes, all healthy');
  const shot = test.info().outputPath('replication-peer-connected.png');
  await page.screenshot({ path: shot });
  await test.info().attach('replication-peer-connected', { path: shot, contentType: 'image/png' });
});

test('a peer gets the start connection’s login only once the user allows it there, until revoked', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.goto(env('E2E_APP_URL'));
  // A saved connection on the primary's address would be used there (the user saved it for it): none here.
  if (await app.profileItem(PEER).count()) await app.deleteProfile(PEER);
  // The harness pair shares one root password: the replica's login also opens its primary.
  await app.addProfile(
    {
      name: ADMIN,
      host: env('E2E_REPLICA_HOST'),
      port: env('E2E_REPLICA_PORT'),
      user: env('E2E_REPLICA_USER'),
    },
    env('E2E_REPLICA_PASSWORD'),
  );
  await app.profileItem(ADMIN).getByTestId('profile-menu').click();
  await page.getByTestId('profile-replication').click();
  const replication = new ReplicationPage(page);
  await replication.waitOpen();

  const primaryAddress = `${env('E2E_DB_HOST')}:${env('E2E_DB_PORT')}`;
  const peer = replication.node(primaryAddress);
  await expect(replication.node(ADMIN)).toHaveAttribute('data-health', 'healthy');
  await expect(peer).toHaveAttribute('data-unknown', 'true');
  await peer.getByTestId('node-connect').click();
  const dialog = page.getByTestId('connect-peer');
  await dialog.getByTestId('peer-profile').click();
  await page.getByRole('option', { name: new RegExp(`^${ADMIN} `) }).click();
  const explanation = dialog.getByTestId('peer-approve-explanation');
  await expect(explanation).toContainText(`${env('E2E_REPLICA_USER')}`);
  await expect(explanation).toContainText(primaryAddress);
  await expect(dialog.getByTestId('peer-approve')).toHaveText(
    `Use ${ADMIN}’s credentials on ${primaryAddress}`,
  );
  await keepShot(page, 'replication-peer-approve');
  await dialog.getByTestId('peer-approve').click();

  await expect(peer).toHaveAttribute('data-health', 'healthy', { timeout: 30_000 });
  await expect(peer).toHaveAttribute('data-role', 'primary');
  await expect(peer).not.toHaveAttribute('data-unknown', 'true');
  const detail = await replication.openDetail(primaryAddress);
  await expect(detail.getByTestId('node-approved-access')).toContainText(ADMIN);
  await keepShot(page, 'replication-peer-approved');

  // Revoked: the connection made with it ends and the peer is offered for connection again.
  await detail.getByTestId('node-revoke-approval').click();
  await expect(peer).toHaveAttribute('data-unknown', 'true', { timeout: 30_000 });
  await peer.getByTestId('node-connect').click();
  await expect(dialog.getByTestId('peer-approvals')).toHaveCount(0);
});

async function keepShot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
}
