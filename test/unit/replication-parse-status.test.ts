import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorTime, parseReplicaStatus } from '../../src/main/replication/parse-replica-status';

const DIR = join(__dirname, 'fixtures', 'replica-status');

interface Fixture {
  origin: string;
  statement: string;
  rows: Record<string, unknown>[];
}

function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Fixture;
}

function only(name: string) {
  const [status, ...rest] = parseReplicaStatus(fixture(name).rows);
  expect(rest).toEqual([]);
  if (!status) throw new Error(`${name} has no row`);
  return status;
}

describe('parseReplicaStatus on MySQL 8.0 (Replica_* / Source_*)', () => {
  it('reads every field of the manual’s example', () => {
    const s = only('mysql-8.0-healthy');
    expect({ ...s, raw: undefined }).toEqual({
      channel: '',
      ioThread: 'running',
      sqlThread: 'running',
      ioState: 'Waiting for source to send event',
      sqlState: 'Replica has read all relay log; waiting for more updates',
      secondsBehind: 0,
      sourceHost: '127.0.0.1',
      sourcePort: 13000,
      sourceUser: 'root',
      sourceServerId: 1,
      sourceUuid: '73f86016-978b-11ee-ade5-8d2a2a562feb',
      gtidMode: 'auto-position',
      gtidReceived: '73f86016-978b-11ee-ade5-8d2a2a562feb:1-3',
      gtidExecuted: '73f86016-978b-11ee-ade5-8d2a2a562feb:1-3',
      sourceLogFile: 'master-bin.000001',
      readSourceLogPos: 927,
      relaySourceLogFile: 'master-bin.000001',
      execSourceLogPos: 927,
      relayLogFile: 'slave-relay-bin.000002',
      relayLogPos: 1145,
      lastIoError: null,
      lastSqlError: null,
      sqlDelay: 0,
      sqlRemainingDelay: null,
      raw: undefined,
    });
    expect(s.raw.Source_Info_File).toBe('mysql.slave_master_info');
    expect(s.raw.SQL_Remaining_Delay).toBeNull();
  });

  it('reads a stopped applier on a named channel with its error time', () => {
    const s = only('mysql-8.0-broken-sql-channel');
    expect(s.channel).toBe('source_1');
    expect(s.sqlThread).toBe('stopped');
    expect(s.secondsBehind).toBeNull();
    expect(s.lastSqlError).toEqual({
      errno: 1062,
      message: expect.stringContaining('Worker 1 failed executing transaction'),
      at: '2024-03-02T23:30:53',
    });
    expect(s.lastIoError).toBeNull();
  });
});

describe('parseReplicaStatus on MySQL 5.7 (Slave_* / Master_*)', () => {
  it('reads every field of the manual’s example', () => {
    const s = only('mysql-5.7-healthy');
    expect({ ...s, raw: undefined }).toEqual({
      channel: '',
      ioThread: 'running',
      sqlThread: 'running',
      ioState: 'Waiting for master to send event',
      sqlState: 'Reading event from the relay log',
      secondsBehind: 0,
      sourceHost: 'localhost',
      sourcePort: 13000,
      sourceUser: 'repl',
      sourceServerId: 1,
      sourceUuid: '3e11fa47-71ca-11e1-9e33-c80aa9429562',
      gtidMode: 'auto-position',
      gtidReceived: '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5',
      gtidExecuted: '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5',
      sourceLogFile: 'master-bin.000002',
      readSourceLogPos: 1307,
      relaySourceLogFile: 'master-bin.000002',
      execSourceLogPos: 1307,
      relayLogFile: 'slave-relay-bin.000003',
      relayLogPos: 1508,
      lastIoError: null,
      lastSqlError: null,
      sqlDelay: 0,
      sqlRemainingDelay: null,
      raw: undefined,
    });
  });

  it('joins a GTID set printed over two lines and keeps the SQL error', () => {
    const s = only('mysql-5.7-broken-sql');
    expect(s.gtidExecuted).toBe(
      '3566d4fe-208e-11ed-87b0-000c29fc42a9:1-2,9b2a6f1e-208e-11ed-8d1c-000c29aa01b2:1-7',
    );
    expect(s.lastSqlError).toEqual({
      errno: 1146,
      message: "Error executing row event: 'Table 'apptest.app01' doesn't exist'",
      at: '2022-08-27T10:56:19',
    });
    expect(s.sourceHost).toBe('10.0.0.142');
    expect(s.sourceServerId).toBe(142);
  });
});

describe('parseReplicaStatus on MariaDB 10.11 (captured here)', () => {
  it('reads every field of a healthy GTID replica', () => {
    const row = fixture('mariadb-10.11-healthy').rows[0] ?? {};
    const s = only('mariadb-10.11-healthy');
    expect({ ...s, raw: undefined }).toEqual({
      channel: '',
      ioThread: 'running',
      sqlThread: 'running',
      ioState: 'Waiting for master to send event',
      sqlState: 'Slave has read all relay log; waiting for more updates',
      secondsBehind: 0,
      sourceHost: '127.0.0.1',
      sourcePort: row.Master_Port,
      sourceUser: 'repl',
      sourceServerId: 1,
      sourceUuid: null,
      gtidMode: 'Slave_Pos',
      gtidReceived: row.Gtid_IO_Pos,
      gtidExecuted: row.Gtid_Slave_Pos,
      sourceLogFile: row.Master_Log_File,
      readSourceLogPos: Number(row.Read_Master_Log_Pos),
      relaySourceLogFile: row.Relay_Master_Log_File,
      execSourceLogPos: Number(row.Exec_Master_Log_Pos),
      relayLogFile: row.Relay_Log_File,
      relayLogPos: Number(row.Relay_Log_Pos),
      lastIoError: null,
      lastSqlError: null,
      sqlDelay: 0,
      sqlRemainingDelay: null,
      raw: undefined,
    });
    expect(s.gtidExecuted).toMatch(/^0-1-\d+$/);
    expect(s.raw.Parallel_Mode).toBe('optimistic');
  });

  it('reads the duplicate-key stop of the SQL thread, without a timestamp (MariaDB has none)', () => {
    const s = only('mariadb-10.11-broken-sql');
    expect(s.sqlThread).toBe('stopped');
    expect(s.ioThread).toBe('running');
    expect(s.lastSqlError).toEqual({
      errno: 1062,
      message: expect.stringContaining("Duplicate entry '3' for key 'PRIMARY'"),
      at: null,
    });
  });

  it('reads the configured delay and what remains of it', () => {
    const s = only('mariadb-10.11-delayed');
    expect(s.sqlDelay).toBe(3);
    expect(s.sqlRemainingDelay).toBe(2);
    expect(s.sqlState).toBe('Waiting until MASTER_DELAY seconds after master executed event');
  });

  it('reads each connection of a multi-source replica, a retrying one with its IO error', () => {
    const [main, nowhere, ...rest] = parseReplicaStatus(fixture('mariadb-10.11-multi-source').rows);
    expect(rest).toEqual([]);
    expect(main).toMatchObject({ channel: '', ioThread: 'running', lastIoError: null });
    expect(nowhere).toMatchObject({
      channel: 'nowhere',
      ioThread: 'connecting',
      sourcePort: 1,
      sourceServerId: null,
      lastIoError: { errno: 2003, message: expect.stringContaining('Connection refused'), at: null },
    });
  });

  it('reads SHOW SLAVE STATUS and SHOW REPLICA STATUS (no connection name) the same way', () => {
    expect(only('mariadb-10.11-show-replica-status')).toMatchObject({ channel: '', ioThread: 'running' });
    expect(only('mariadb-10.11-broken-sql-show-slave-status')).toMatchObject({
      sqlThread: 'stopped',
      lastSqlError: { errno: 1062 },
    });
  });

  it('gives no channel for a server that replicates from nothing', () => {
    expect(parseReplicaStatus(fixture('mariadb-10.11-primary-status').rows)).toEqual([]);
  });
});

describe('fixtures', () => {
  it('each says where it comes from', () => {
    const names = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      const f = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Fixture;
      expect(f.origin.length, name).toBeGreaterThan(20);
      expect(f.statement, name).toMatch(/^(SHOW|SELECT)/);
    }
  });
});

describe('errorTime', () => {
  it('turns MySQL’s YYMMDD hh:mm:ss into a local ISO time and keeps blanks empty', () => {
    expect(errorTime('201123 10:34:17')).toBe('2020-11-23T10:34:17');
    expect(errorTime('')).toBeNull();
    expect(errorTime(null)).toBeNull();
  });
});
