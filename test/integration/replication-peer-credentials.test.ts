import { randomBytes } from 'node:crypto';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Channel, Req, Res } from '../../src/shared/contract';
import { dispatch } from '../../src/shared/rpc';
import { nativeScramble, startFakeMysqlServer, type FakeMysqlServer } from '../support/fake-mysql-server';
import { findMariaDbBinaries } from '../support/mariadb-binaries';
import { connectSocket, startMariaDbServer, type MariaDbServer } from '../support/mariadb-server';
import { waitUntil } from '../support/wait-until';
import { tempServices } from '../unit/support/temp-services';

// The attack: a user with nothing but REPLICATION SLAVE registers a replica of the harness primary
// whose report_host/report_port point at a server of their own. "Check replication" on the primary
// must not log in there with the primary profile's user and password.
const harness = inject('harness');
const suffix = randomBytes(4).toString('hex');
const rogueUser = `rogue_${suffix}`;
const roguePassword = `Rogue-${suffix}`;

let app: Awaited<ReturnType<typeof tempServices>>;
let primary: Connection;
let fake: FakeMysqlServer;
let rogue: MariaDbServer | undefined;

async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const envelope = await dispatch(app.services.handlers, channel, req, { transport: 'direct' });
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as Res<C>;
}

function harnessPrimary() {
  if (!harness.mariadb) throw new Error('the harness did not start MariaDB');
  return harness.mariadb.primary;
}

async function listedPorts(): Promise<number[]> {
  const [rows] = await primary.query<RowDataPacket[]>('SHOW SLAVE HOSTS');
  return rows.map((row) => Number(row.Port));
}

beforeAll(async () => {
  app = await tempServices();
  fake = await startFakeMysqlServer();
  const p = harnessPrimary();
  primary = await createConnection({ host: p.host, port: p.port, user: p.user, password: p.password });
  await primary.query('SET SESSION sql_log_bin = 0');
  await primary.query(`CREATE USER '${rogueUser}'@'127.0.0.1' IDENTIFIED BY '${roguePassword}'`);
  await primary.query(`GRANT REPLICATION SLAVE ON *.* TO '${rogueUser}'@'127.0.0.1'`);
  rogue = await startMariaDbServer(findMariaDbBinaries(), {
    role: 'rogue-replica',
    serverId: 900 + (randomBytes(1)[0] ?? 0),
    startTimeoutMs: 60_000,
    report: { host: fake.host, port: fake.port },
  });
  const admin = await connectSocket(rogue);
  try {
    await admin.query(
      `CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=?, MASTER_USER=?, MASTER_PASSWORD=?,
        MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1`,
      [p.port, rogueUser, roguePassword],
    );
    await admin.query('START SLAVE');
  } finally {
    await admin.end();
  }
  await waitUntil(async () => ((await listedPorts()).includes(fake.port) ? true : undefined), {
    what: 'the primary to list the rogue replica at the fake address',
    timeoutMs: 30_000,
  });
});

afterAll(async () => {
  // The harness pair is shared by the next files: the primary must list its own replica only.
  await rogue?.stop();
  if (primary) {
    // The primary notices a gone replica only at its next heartbeat: its dump thread is ended here.
    const [dumps] = await primary.query<RowDataPacket[]>(
      "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ? AND COMMAND LIKE 'Binlog Dump%'",
      [rogueUser],
    );
    for (const { ID } of dumps) await primary.query('KILL ?', [Number(ID)]).catch(() => undefined);
    await waitUntil(async () => (!(await listedPorts()).includes(fake.port) ? true : undefined), {
      what: 'the rogue replica to leave SHOW SLAVE HOSTS',
      timeoutMs: 30_000,
    });
    await primary.query(`DROP USER IF EXISTS '${rogueUser}'@'127.0.0.1'`);
    await primary.end();
  }
  await fake?.stop();
  await app?.cleanup();
});

describe('a peer announced by a replica', () => {
  let monitorId = '';
  let fakeKey = '';
  let profileId = '';

  it('is offered for connection, and the start profile’s password is never sent to it', async () => {
    const p = harnessPrimary();
    const profile = await call('profiles.save', {
      fields: {
        name: 'harness primary',
        host: p.host,
        port: p.port,
        user: p.user,
        database: '',
        tls: false,
        color: 'blue',
        readOnly: false,
      },
      password: p.password,
    });
    profileId = profile.id;
    const opened = await call('replication.open', { profileId });
    monitorId = opened.monitorId;
    const snap = await call('replication.refresh', { monitorId });
    const peer = snap.nodes.find((n) => n.port === fake.port);
    expect(peer).toMatchObject({ host: '127.0.0.1', access: { kind: 'none' }, health: 'unreachable' });
    expect(fake.logins).toEqual([]);
    fakeKey = peer?.key ?? '';
  });

  it('gets the profile’s credentials only once the user approves that address, until revoked', async () => {
    await call('replication.approvePeer', { monitorId, nodeKey: fakeKey, profileId });
    // Approved: the profile's user and password (its scramble for the fake's nonce) went there.
    expect(fake.logins.map((l) => l.user)).toEqual([harnessPrimary().user]);
    const [login] = fake.logins;
    expect(login?.authData.equals(nativeScramble(harnessPrimary().password, login.nonce))).toBe(true);
    const { approvals } = await call('replication.approvals', {});
    expect(approvals).toEqual([
      expect.objectContaining({
        profileId,
        host: '127.0.0.1',
        port: fake.port,
        profileName: 'harness primary',
      }),
    ]);

    expect(
      await call('replication.revokeApproval', { profileId, host: '127.0.0.1', port: fake.port }),
    ).toEqual({ revoked: true });
    expect((await call('replication.approvals', {})).approvals).toEqual([]);
    const tries = fake.logins.length;
    const after = await call('replication.refresh', { monitorId });
    expect(after.nodes.find((n) => n.port === fake.port)).toMatchObject({ access: { kind: 'none' } });
    expect(fake.logins).toHaveLength(tries);
    await call('replication.close', { monitorId });
  });
});
