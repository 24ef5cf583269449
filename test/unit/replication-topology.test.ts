import { describe, expect, it } from 'vitest';
import type { ReplicaStatus, ServerInfo } from '../../src/shared/models/replication';
import type { NodeReading } from '../../src/main/replication/read-node';
import { buildTopology, undiscoveredPeers, type MemberView } from '../../src/main/replication/topology';

function server(serverId: number): ServerInfo {
  return {
    flavor: 'mariadb',
    version: '10.11.19-MariaDB',
    serverId,
    serverUuid: null,
    readOnly: serverId !== 1,
    superReadOnly: null,
    gtidExecuted: '0-1-9',
    logBin: true,
  };
}

function channel(sourceHost: string, sourcePort: number, sourceServerId: number | null): ReplicaStatus {
  return {
    channel: '',
    ioThread: 'running',
    sqlThread: 'running',
    ioState: 'Waiting for master to send event',
    sqlState: '',
    secondsBehind: 0,
    sourceHost,
    sourcePort,
    sourceUser: 'repl',
    sourceServerId,
    sourceUuid: null,
    gtidMode: 'Slave_Pos',
    gtidReceived: '0-1-9',
    gtidExecuted: '0-1-9',
    sourceLogFile: 'mariadb-bin.000001',
    readSourceLogPos: 1,
    relaySourceLogFile: 'mariadb-bin.000001',
    execSourceLogPos: 1,
    relayLogFile: 'relay-bin.000002',
    relayLogPos: 1,
    lastIoError: null,
    lastSqlError: null,
    sqlDelay: 0,
    sqlRemainingDelay: null,
    raw: {},
  };
}

function reading(serverId: number, patch: Partial<NodeReading> = {}): NodeReading {
  return {
    server: server(serverId),
    channels: [],
    replicaHosts: [],
    dumpClients: [],
    statusError: null,
    ...patch,
  };
}

function member(
  host: string,
  port: number,
  r: NodeReading | null,
  patch: Partial<MemberView> = {},
): MemberView {
  return {
    host,
    port,
    aliases: [`${host}:${port}`],
    serverId: r?.server.serverId ?? null,
    connectedOnce: r !== null,
    access: { kind: 'inherited', fromProfileId: 'p1', grant: 'approved' },
    label: `${host}:${port}`,
    rdsInstanceId: null,
    rdsSourceId: null,
    reading: r,
    lastReading: r,
    error: null,
    measured: null,
    readMs: 1,
    ...patch,
  };
}

describe('undiscoveredPeers', () => {
  it('names the listed replicas and the sources it does not know yet', () => {
    const replica = member('127.0.0.1', 3307, reading(2, { channels: [channel('db.example', 3306, 1)] }));
    const primary = member(
      '127.0.0.1',
      3306,
      reading(1, {
        replicaHosts: [
          { serverId: 2, host: '127.0.0.1', port: 3307 },
          { serverId: 3, host: '127.0.0.1', port: 3308 },
        ],
        dumpClients: ['127.0.0.1', '127.0.0.1'],
      }),
    );
    // The replica's source is the primary (same server id) under another name: nothing new there.
    expect(undiscoveredPeers([replica, primary])).toEqual([{ host: '127.0.0.1', port: 3308, serverId: 3 }]);
  });

  it('leaves out the hidden Multi-AZ standby and its dump thread', () => {
    const primary = member(
      '127.0.0.1',
      3306,
      reading(1, {
        replicaHosts: [{ serverId: 7, host: 'multi-az-standby.invalid', port: 41000 }],
        dumpClients: ['127.0.0.1'],
      }),
    );
    expect(undiscoveredPeers([primary])).toEqual([]);
  });

  it('shows a replica without report_host as a peer without a port', () => {
    const primary = member('10.0.0.1', 3306, reading(1, { dumpClients: ['10.0.0.9'] }));
    expect(undiscoveredPeers([primary])).toEqual([{ host: '10.0.0.9', port: 0, serverId: null }]);
  });

  it('names each new peer once even when two readings name it', () => {
    const a = member('h', 1, reading(2, { channels: [channel('top', 3306, 1)] }));
    const b = member('h', 2, reading(3, { channels: [channel('top', 3306, 1)] }));
    expect(undiscoveredPeers([a, b])).toEqual([{ host: 'top', port: 3306, serverId: 1 }]);
  });
});

describe('buildTopology', () => {
  const primaryReading = reading(1, {
    replicaHosts: [{ serverId: 2, host: '127.0.0.1', port: 3307 }],
    dumpClients: ['127.0.0.1'],
  });

  it('draws source → replica edges with roles, keyed by server id', () => {
    const primary = member('127.0.0.1', 3306, primaryReading);
    const replica = member('127.0.0.1', 3307, reading(2, { channels: [channel('127.0.0.1', 3306, 1)] }));
    const { nodes, edges } = buildTopology([primary, replica], 5);
    expect(edges).toEqual([{ from: 'sid:1', to: 'sid:2', channel: '' }]);
    expect(nodes.map((n) => [n.key, n.role, n.health, n.healthReason])).toEqual([
      ['sid:1', 'primary', 'healthy', 'Running, 1 replica'],
      ['sid:2', 'replica', 'healthy', 'Replicating, lag 0 s'],
    ]);
  });

  it('keeps a replica that went away (grey) on its last known edge', () => {
    const primary = member('127.0.0.1', 3306, reading(1));
    const gone = member('127.0.0.1', 3307, null, {
      serverId: 2,
      connectedOnce: true,
      lastReading: reading(2, { channels: [channel('127.0.0.1', 3306, 1)] }),
      error: { code: 'UNREACHABLE', message: 'Cannot reach 127.0.0.1:3307: connection refused.' },
    });
    const { nodes, edges } = buildTopology([primary, gone], 5);
    expect(edges).toEqual([{ from: 'sid:1', to: 'sid:2', channel: '' }]);
    expect(nodes[1]).toMatchObject({
      key: 'sid:2',
      role: 'replica',
      health: 'unreachable',
      healthReason: 'Cannot reach 127.0.0.1:3307: connection refused.',
      server: null,
    });
  });

  it('keys a never reached peer by address, and links RDS replicas RDS knows of', () => {
    const primary = member('a.rds.amazonaws.com', 3306, reading(1), { rdsInstanceId: 'db1', label: 'db1' });
    const hidden = member('b.rds.amazonaws.com', 3306, null, {
      rdsInstanceId: 'db1-replica',
      rdsSourceId: 'db1',
      label: 'db1-replica',
      access: { kind: 'none' },
      error: { code: 'TIMEOUT', message: 'No answer' },
    });
    const { nodes, edges } = buildTopology([primary, hidden], 5);
    expect(edges).toEqual([{ from: 'sid:1', to: 'addr:b.rds.amazonaws.com:3306', channel: '' }]);
    expect(nodes[1]).toMatchObject({ label: 'db1-replica', role: 'replica', health: 'unreachable' });
  });

  it('draws a relay between its source and its own replica', () => {
    const top = member('h', 1, reading(1, { replicaHosts: [{ serverId: 2, host: 'h', port: 2 }] }));
    const relay = member(
      'h',
      2,
      reading(2, { channels: [channel('h', 1, 1)], replicaHosts: [{ serverId: 3, host: 'h', port: 3 }] }),
    );
    const leaf = member('h', 3, reading(3, { channels: [channel('h', 2, 2)] }));
    const { nodes } = buildTopology([top, relay, leaf], 5);
    expect(nodes.map((n) => n.role)).toEqual(['primary', 'relay', 'replica']);
  });
});
