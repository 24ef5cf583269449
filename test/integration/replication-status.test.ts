import { randomBytes } from 'node:crypto';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Channel, Req, Res } from '../../src/shared/contract';
import type { RpcError } from '../../src/shared/errors';
import type { ConsistencyProgress, ReplicationNode } from '../../src/shared/models/replication';
import { dispatch } from '../../src/shared/rpc';
import type { DbEndpoint } from '../support/harness';
import { waitUntil } from '../support/wait-until';
import { tempServices } from '../unit/support/temp-services';

// The monitor through the app's own channels on the harness pair (a MariaDB primary and its GTID
// replica, both started with report_host/report_port). Everything created here is suffixed: the
// servers are shared by every test file of the run.
const harness = inject('harness');
const suffix = randomBytes(4).toString('hex');
const db = `repl_${suffix}`;
const heartbeatSchema = `rdx_hb_${suffix}`;
const limitedUser = `mon_${suffix}`;

let app: Awaited<ReturnType<typeof tempServices>>;
let primary: Connection;
const progress: ConsistencyProgress[] = [];

async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const envelope = await dispatch(app.services.handlers, channel, req, { transport: 'direct' });
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as Res<C>;
}

async function failure(channel: Channel, req: unknown): Promise<RpcError> {
  const envelope = await dispatch(app.services.handlers, channel, req, { transport: 'direct' });
  if (envelope.ok) throw new Error(`${channel} succeeded`);
  return envelope.error;
}

async function profileFor(endpoint: DbEndpoint, name: string, user = 'root', password = endpoint.password) {
  const fields = {
    name,
    host: '127.0.0.1',
    port: endpoint.port,
    user,
    database: '',
    tls: false,
    color: 'blue' as const,
    readOnly: false,
  };
  return call('profiles.save', { fields, password });
}

function pair(): { primary: DbEndpoint; replica: DbEndpoint } {
  if (!harness.mariadb) throw new Error('the harness did not start MariaDB');
  return harness.mariadb;
}

beforeAll(async () => {
  app = await tempServices();
  app.services.events.subscribe((event, payload) => {
    if (event === 'replication.checkProgress') progress.push(payload as ConsistencyProgress);
  });
  const { primary: p } = pair();
  primary = await createConnection({ host: p.host, port: p.port, user: p.user, password: p.password });
  await primary.query(`CREATE DATABASE ${db}`);
  await primary.query(`CREATE TABLE ${db}.t (id INT PRIMARY KEY, v VARCHAR(20))`);
  await primary.query(`INSERT INTO ${db}.t VALUES (1, 'a'), (2, 'b'), (3, 'c')`);
  await primary.query(`CREATE USER '${limitedUser}'@'127.0.0.1' IDENTIFIED BY 'Limited-pass-1'`);
});

afterAll(async () => {
  await primary?.query(`DROP DATABASE IF EXISTS ${db}`);
  await primary?.query(`DROP DATABASE IF EXISTS ${heartbeatSchema}`);
  await primary?.query(`DROP USER IF EXISTS '${limitedUser}'@'127.0.0.1'`);
  await primary?.end();
  await app?.cleanup();
});

describe('replication monitor on the harness pair', () => {
  let monitorId: string;
  let nodes: ReplicationNode[];

  it('opened on the replica, finds its primary: both green, with roles, threads and GTIDs', async () => {
    const profile = await profileFor(pair().replica, 'harness replica');
    const opened = await call('replication.open', { profileId: profile.id });
    monitorId = opened.monitorId;
    // The primary is only named by the replica's status: no login is sent there until the user allows it.
    const named = opened.nodes.find((n) => n.port === pair().primary.port);
    expect(named).toMatchObject({ access: { kind: 'none' }, error: { code: 'NOT_CONNECTED' } });
    const snap = await call('replication.approvePeer', {
      monitorId,
      nodeKey: named?.key ?? '',
      profileId: profile.id,
    });
    nodes = snap.nodes;
    const replica = nodes.find((n) => n.port === pair().replica.port);
    const source = nodes.find((n) => n.port === pair().primary.port);
    expect(nodes).toHaveLength(2);
    expect(source).toMatchObject({
      key: 'sid:1',
      role: 'primary',
      health: 'healthy',
      access: { kind: 'inherited', fromProfileId: profile.id, grant: 'approved' },
      server: { flavor: 'mariadb', serverId: 1, readOnly: false, logBin: true },
      channels: [],
      error: null,
    });
    expect(replica).toMatchObject({
      key: 'sid:2',
      label: 'harness replica',
      role: 'replica',
      health: 'healthy',
      access: { kind: 'profile', profileId: profile.id },
      server: { serverId: 2, readOnly: true },
    });
    expect(replica?.channels).toEqual([
      expect.objectContaining({
        ioThread: 'running',
        sqlThread: 'running',
        sourcePort: pair().primary.port,
        sourceServerId: 1,
        gtidMode: 'Slave_Pos',
        gtidExecuted: expect.stringMatching(/^0-1-\d+$/),
        gtidReceived: expect.stringMatching(/^0-1-\d+$/),
        lastSqlError: null,
      }),
    ]);
    expect(snap.edges).toEqual([{ from: 'sid:1', to: 'sid:2', channel: '' }]);
    expect(snap.heartbeat).toMatchObject({ enabled: false, mode: 'table', error: null });
  });

  it('refreshes with the replica following new writes', async () => {
    await primary.query(`INSERT INTO ${db}.t VALUES (4, 'd')`);
    const [[row]] = await primary.query<RowDataPacket[]>('SELECT @@gtid_binlog_pos AS pos');
    await waitUntil(
      async () => {
        const snap = await call('replication.refresh', { monitorId });
        const replica = snap.nodes.find((n) => n.key === 'sid:2');
        return replica?.channels[0]?.gtidExecuted === row?.pos ? true : undefined;
      },
      { what: 'the replica to show the new GTID', timeoutMs: 10_000 },
    );
  });

  it('asks consent before the table heartbeat writes on the primary, then measures the lag', async () => {
    const refused = await failure('replication.configure', {
      monitorId,
      heartbeat: { enabled: true, mode: 'table', schema: heartbeatSchema },
    });
    expect(refused.code).toBe('CONSENT_REQUIRED');
    expect(refused.message).toContain(`${heartbeatSchema}.heartbeat`);
    const snap = await call('replication.configure', {
      monitorId,
      heartbeat: { enabled: true, mode: 'table', schema: heartbeatSchema, intervalMs: 200, consent: true },
    });
    expect(snap.heartbeat).toMatchObject({ enabled: true, mode: 'table', schema: heartbeatSchema });
    const measured = await waitUntil(
      async () => {
        const next = await call('replication.refresh', { monitorId });
        return next.nodes.find((n) => n.key === 'sid:2')?.measured?.lagMs ?? undefined;
      },
      { what: 'a measured lag on the replica', timeoutMs: 15_000 },
    );
    // The wiring is under test here (the heartbeat's precision is its own module's): a sane number
    // for a replica on the same machine, whose clock offset may leave a few ms either side of 0.
    expect(Math.abs(measured)).toBeLessThan(5000);
    // Asked once per profile: turning it off and on again needs no new consent.
    await call('replication.configure', { monitorId, heartbeat: { enabled: false } });
    await call('replication.configure', { monitorId, heartbeat: { enabled: true } });
    await call('replication.configure', { monitorId, heartbeat: { enabled: false } });
  });

  it('lists the primary’s tables and runs a consistency check, reported as events', async () => {
    const { tables } = await call('replication.tables', { monitorId });
    expect(tables).toContainEqual(expect.objectContaining({ table: `${db}.t`, unsupported: null }));
    const { checkId } = await call('replication.startCheck', { monitorId, tables: [`${db}.t`] });
    const done = await waitUntil(
      async () =>
        progress.find((p) => p.checkId === checkId && ['done', 'failed', 'cancelled'].includes(p.phase)),
      { what: 'the check to finish', timeoutMs: 30_000 },
    );
    expect(done).toMatchObject({ phase: 'done', error: null });
    expect(done.results).toEqual([
      expect.objectContaining({ table: `${db}.t`, replicaKey: 'sid:2', verdict: 'match' }),
    ]);
  });

  it('changes the lag threshold and closes', async () => {
    const snap = await call('replication.configure', { monitorId, lagThresholdSeconds: 0.5 });
    expect(snap.lagThresholdSeconds).toBe(0.5);
    expect(await call('replication.close', { monitorId })).toEqual({ closed: true });
    expect((await failure('replication.refresh', { monitorId })).code).toBe('NOT_FOUND');
  });

  it('shows a clear error on a node whose user may not read the replication status', async () => {
    const profile = await profileFor(pair().primary, 'limited', limitedUser, 'Limited-pass-1');
    const snap = await call('replication.open', { profileId: profile.id });
    expect(snap.nodes).toEqual([
      expect.objectContaining({
        health: 'unreachable',
        healthReason: expect.stringContaining('SLAVE MONITOR'),
        error: {
          code: 'ACCESS_DENIED',
          message: expect.stringContaining('cannot read the replication status'),
        },
        server: expect.objectContaining({ serverId: 1 }),
      }),
    ]);
    await call('replication.close', { monitorId: snap.monitorId });
  });

  it('offers a peer for connection without trying the start profile’s login, and reads it once a profile is chosen', async () => {
    // A monitoring user that exists on the replica only: the primary refuses it.
    const { replica: r, primary: p } = pair();
    const replicaAdmin = await createConnection({
      host: r.host,
      port: r.port,
      user: r.user,
      password: r.password,
    });
    const peerUser = `peer_${suffix}`;
    try {
      // Kept out of the replica's binary log: no transaction of its own on a replica.
      await replicaAdmin.query('SET SESSION sql_log_bin = 0');
      await replicaAdmin.query(`CREATE USER '${peerUser}'@'127.0.0.1' IDENTIFIED BY 'Peer-pass-1'`);
      await replicaAdmin.query(`GRANT SLAVE MONITOR, PROCESS ON *.* TO '${peerUser}'@'127.0.0.1'`);
      // A saved profile on the primary's address would be used for it: none for this test.
      const { profiles } = await call('profiles.list', {});
      for (const saved of profiles.filter((x) => x.port === p.port)) {
        await call('profiles.delete', { id: saved.id });
      }
      const start = await profileFor(r, 'replica only', peerUser, 'Peer-pass-1');
      const opened = await call('replication.open', { profileId: start.id });
      const source = opened.nodes.find((n) => n.port === p.port);
      // Offered for connection, never tried with the start profile's login.
      expect(source).toMatchObject({
        health: 'unreachable',
        access: { kind: 'none' },
        error: { code: 'NOT_CONNECTED' },
      });
      expect(opened.nodes.find((n) => n.port === r.port)).toMatchObject({
        health: 'healthy',
        role: 'replica',
      });

      const primaryProfile = await profileFor(p, 'harness primary');
      const attached = await call('replication.attachPeer', {
        monitorId: opened.monitorId,
        nodeKey: source?.key ?? '',
        profileId: primaryProfile.id,
      });
      expect(attached.nodes.find((n) => n.port === p.port)).toMatchObject({
        key: 'sid:1',
        label: 'harness primary',
        role: 'primary',
        health: 'healthy',
        access: { kind: 'profile', profileId: primaryProfile.id },
        error: null,
      });
      expect(attached.edges).toEqual([{ from: 'sid:1', to: 'sid:2', channel: '' }]);
      await call('replication.close', { monitorId: opened.monitorId });
    } finally {
      await replicaAdmin.query(`DROP USER IF EXISTS '${peerUser}'@'127.0.0.1'`);
      await replicaAdmin.end();
    }
  });
});
