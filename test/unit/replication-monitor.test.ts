import type { Connection } from 'mysql2';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import type { NodeAccess } from '../../src/shared/models/replication';
import type { OpenVia } from '../../src/main/replication/member';
import { DUMP_THREADS_SQL } from '../../src/main/replication/read-node';
import type { RdsPeer } from '../../src/main/replication/rds-peer';
import { ReplicationMonitor } from '../../src/main/replication/replication-monitor';
import { SERVER_INFO_SQL } from '../../src/main/replication/server-info';

interface FakeServer {
  serverId: number;
  source?: { host: string; port: number; serverId: number };
  replicas?: { serverId: number; host: string; port: number }[];
  down?: boolean;
}

/** Servers by every address they answer on; a connection answers the four statements a node is read with. */
function world(servers: Record<string, FakeServer>) {
  const opened: string[] = [];
  const open = async (via: NodeAccess, host: string, port: number): Promise<Connection> => {
    const s = servers[`${host}:${port}`];
    if (!s || s.down) throw new AppError('UNREACHABLE', `Cannot reach ${host}:${port}: connection refused.`);
    opened.push(`${host}:${port} ${via.kind}`);
    const answer = (sql: string): Record<string, unknown>[] => {
      if (s.down) throw Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST' });
      if (sql === SERVER_INFO_SQL)
        return [
          { Variable_name: 'version', Value: '10.11.19-MariaDB' },
          { Variable_name: 'server_id', Value: String(s.serverId) },
          { Variable_name: 'gtid_binlog_pos', Value: `0-1-${s.serverId}` },
        ];
      if (sql === 'SHOW ALL REPLICAS STATUS')
        return s.source
          ? [
              {
                Connection_name: '',
                Slave_IO_Running: 'Yes',
                Slave_SQL_Running: 'Yes',
                Master_Host: s.source.host,
                Master_Port: s.source.port,
                Master_Server_Id: s.source.serverId,
                Seconds_Behind_Master: '0',
                Using_Gtid: 'Slave_Pos',
                Gtid_IO_Pos: '0-1-1',
              },
            ]
          : [];
      if (sql === 'SHOW REPLICA HOSTS')
        return (s.replicas ?? []).map((r) => ({
          Server_id: r.serverId,
          Host: r.host,
          Port: r.port,
          Master_id: s.serverId,
        }));
      if (sql === DUMP_THREADS_SQL) return (s.replicas ?? []).map(() => ({ HOST: '127.0.0.1:50000' }));
      throw Object.assign(new Error(`unexpected ${sql}`), { errno: 1064 });
    };
    const conn = {
      promise: () => ({ query: async (sql: string) => [answer(sql)] }),
      on: () => conn,
      end: (cb?: () => void) => cb?.(),
      destroy: () => undefined,
    };
    return conn as unknown as Connection;
  };
  return { open, opened, servers };
}

function monitor(
  w: ReturnType<typeof world>,
  start: { host: string; port: number },
  rds?: () => Promise<RdsPeer[]>,
  open: OpenVia = w.open,
) {
  return new ReplicationMonitor({
    id: 'm1',
    startProfileId: 'p1',
    start: { ...start, label: 'start profile' },
    open,
    accessFor: async () => ({
      via: { kind: 'inherited', fromProfileId: 'p1', grant: 'approved' },
      label: null,
    }),
    rds,
    lagThresholdSeconds: 5,
    heartbeat: { enabled: false, mode: 'table', schema: 'rdx_heartbeat', intervalMs: 1000 },
    nodeTimeoutMs: 1000,
    rdsRefreshMs: 0,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
}

const primary: FakeServer = {
  serverId: 1,
  replicas: [
    { serverId: 2, host: '127.0.0.1', port: 3307 },
    { serverId: 3, host: '127.0.0.1', port: 3308 },
    { serverId: 9, host: 'multi-az-standby.invalid', port: 41000 },
  ],
};

describe('ReplicationMonitor discovery', () => {
  it('walks up from a replica to its source and down to every replica, through another name', async () => {
    const replica3: FakeServer = { serverId: 3, source: { host: 'localhost', port: 3306, serverId: 1 } };
    const w = world({
      'localhost:3306': primary,
      '127.0.0.1:3307': { serverId: 2, source: { host: 'localhost', port: 3306, serverId: 1 } },
      '127.0.0.1:3308': replica3,
    });
    const m = monitor(w, { host: '127.0.0.1', port: 3307 });
    const snap = await m.refresh();
    expect(snap.nodes.map((n) => [n.key, n.label, n.role, n.health, n.access.kind])).toEqual([
      ['sid:2', 'start profile', 'replica', 'healthy', 'profile'],
      ['sid:1', 'localhost:3306', 'primary', 'healthy', 'inherited'],
      ['sid:3', '127.0.0.1:3308', 'replica', 'healthy', 'inherited'],
    ]);
    expect(snap.edges).toEqual([
      { from: 'sid:1', to: 'sid:2', channel: '' },
      { from: 'sid:1', to: 'sid:3', channel: '' },
    ]);
    expect(m.primaryKey()).toBe('sid:1');
    expect(m.replicaKeys().sort()).toEqual(['sid:2', 'sid:3']);

    // A replica that dies goes grey on its edge, and comes back on a later refresh by itself.
    replica3.down = true;
    const grey = await m.refresh();
    expect(grey.nodes.find((n) => n.key === 'sid:3')).toMatchObject({
      health: 'unreachable',
      healthReason: expect.stringContaining('127.0.0.1:3308'),
      role: 'replica',
    });
    replica3.down = false;
    const back = await m.refresh();
    expect(back.nodes.find((n) => n.key === 'sid:3')?.health).toBe('healthy');
    await m.close();
  });

  it('merges an RDS endpoint and the start address that turn out to be one server', async () => {
    const w = world({
      '127.0.0.1:3306': { serverId: 1 },
      'db1.example:3306': { serverId: 1 },
      'db1-replica.example:3306': { serverId: 2, source: { host: '10.1.2.3', port: 3306, serverId: 1 } },
    });
    const rds = async (): Promise<RdsPeer[]> => [
      { id: 'db1', host: 'db1.example', port: 3306, status: 'available', sourceId: null },
      { id: 'db1-replica', host: 'db1-replica.example', port: 3306, status: 'available', sourceId: 'db1' },
      { id: 'db1-new', host: null, port: null, status: 'creating', sourceId: 'db1' },
    ];
    const m = monitor(w, { host: '127.0.0.1', port: 3306 }, rds);
    const snap = await m.refresh();
    expect(snap.nodes.map((n) => [n.key, n.label, n.rdsInstanceId, n.health])).toEqual([
      ['sid:1', 'db1', 'db1', 'healthy'],
      ['sid:2', 'db1-replica', 'db1-replica', 'healthy'],
      ['addr:db1-new:0', 'db1-new', 'db1-new', 'unreachable'],
    ]);
    expect(snap.nodes[2]?.healthReason).toBe('db1-new has no endpoint yet (creating).');
    expect(snap.edges).toEqual([
      { from: 'sid:1', to: 'sid:2', channel: '' },
      { from: 'sid:1', to: 'addr:db1-new:0', channel: '' },
    ]);
    await m.close();
  });

  it('opens new connections to a node for the heartbeat and the check, and refuses unknown keys', async () => {
    const w = world({ '127.0.0.1:3306': { serverId: 1 } });
    const m = monitor(w, { host: '127.0.0.1', port: 3306 });
    await m.refresh();
    await m.connect('sid:1');
    expect(w.opened).toEqual(['127.0.0.1:3306 profile', '127.0.0.1:3306 profile']);
    await expect(m.connect('sid:7')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await m.close();
    await expect(m.refresh()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('ReplicationMonitor bounds and peers', () => {
  it('reads the others while a server that never answers times out on its own', async () => {
    const w = world({ '127.0.0.1:3306': primary, '127.0.0.1:3307': { serverId: 2 } });
    const hanging = new Promise<Connection>(() => undefined);
    const m = new ReplicationMonitor({
      id: 'm2',
      startProfileId: 'p1',
      start: { host: '127.0.0.1', port: 3306, label: 'start' },
      open: (via, host, port) => (port === 3308 ? hanging : w.open(via, host, port)),
      accessFor: async () => ({
        via: { kind: 'inherited', fromProfileId: 'p1', grant: 'approved' },
        label: null,
      }),
      lagThresholdSeconds: 5,
      heartbeat: { enabled: false, mode: 'table', schema: 'rdx_heartbeat', intervalMs: 1000 },
      nodeTimeoutMs: 50,
      rdsRefreshMs: 0,
      now: () => new Date(),
    });
    const snap = await m.refresh();
    expect(snap.nodes.map((n) => [n.key, n.health, n.error?.code ?? null])).toEqual([
      ['sid:1', 'healthy', null],
      ['sid:2', 'healthy', null],
      ['addr:127.0.0.1:3308', 'unreachable', 'TIMEOUT'],
    ]);
    expect(snap.nodes[2]?.healthReason).toBe('No answer from 127.0.0.1:3308 within 0.1 s');
    await m.close();
  });

  it('shows a replica without report_host as an unknown peer without a port', async () => {
    const w = world({ '10.0.0.1:3306': { serverId: 1 } });
    // The primary lists no replica, but a dump thread serves a client at 10.0.0.9.
    const open: OpenVia = async (via, host, port) => {
      const conn = await w.open(via, host, port);
      const inner = conn.promise();
      const query = async (sql: string) =>
        sql === DUMP_THREADS_SQL ? [[{ HOST: '10.0.0.9:40000' }]] : inner.query(sql);
      return {
        ...conn,
        promise: () => ({ query }),
        on: () => undefined,
        end: () => undefined,
      } as unknown as Connection;
    };
    const m = monitor(w, { host: '10.0.0.1', port: 3306 }, undefined, open);
    const snap = await m.refresh();
    expect(snap.nodes[1]).toMatchObject({
      key: 'addr:10.0.0.9:0',
      label: '10.0.0.9:?',
      access: { kind: 'none' },
      health: 'unreachable',
      role: 'replica',
      healthReason: expect.stringContaining('reports no address (report_host)'),
    });
    expect(snap.edges).toEqual([{ from: 'sid:1', to: 'addr:10.0.0.9:0', channel: '' }]);
    expect(() =>
      m.attach('addr:10.0.0.8:0', { kind: 'profile', profileId: 'p2' }, 'x', { host: 'h', port: 1 }),
    ).toThrow(/No node/);

    // Attached with a profile, the peer is reached at the profile's address and read like the others.
    w.servers['10.0.0.9:3306'] = { serverId: 5, source: { host: '10.0.0.1', port: 3306, serverId: 1 } };
    m.attach('addr:10.0.0.9:0', { kind: 'profile', profileId: 'p2' }, 'replica b', {
      host: '10.0.0.9',
      port: 3306,
    });
    const attached = await m.refresh();
    expect(attached.nodes.map((n) => [n.key, n.label, n.role, n.health, n.access])).toEqual([
      ['sid:1', 'start profile', 'primary', 'healthy', { kind: 'profile', profileId: 'p1' }],
      ['sid:5', 'replica b', 'replica', 'healthy', { kind: 'profile', profileId: 'p2' }],
    ]);
    expect(attached.edges).toEqual([{ from: 'sid:1', to: 'sid:5', channel: '' }]);
    await m.close();
  });
});
