import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clientAddress,
  DUMP_THREADS_SQL,
  readNode,
  type QueryRows,
  type StatementMemo,
} from '../../src/main/replication/read-node';
import { SERVER_INFO_SQL } from '../../src/main/replication/server-info';

const DIR = join(__dirname, 'fixtures', 'replica-status');
const rowsOf = (name: string): Record<string, unknown>[] =>
  (JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as { rows: Record<string, unknown>[] }).rows;

const MYSQL57_VARS = [
  { Variable_name: 'gtid_executed', Value: '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,\n9b2a:1-2' },
  { Variable_name: 'log_bin', Value: 'ON' },
  { Variable_name: 'read_only', Value: 'ON' },
  { Variable_name: 'server_id', Value: '2' },
  { Variable_name: 'server_uuid', Value: '9b2a6f1e-208e-11ed-8d1c-000c29aa01b2' },
  { Variable_name: 'super_read_only', Value: 'OFF' },
  { Variable_name: 'version', Value: '5.7.44-log' },
];
const MARIADB_VARS = [
  { Variable_name: 'gtid_binlog_pos', Value: '0-1-5' },
  { Variable_name: 'log_bin', Value: 'ON' },
  { Variable_name: 'read_only', Value: 'OFF' },
  { Variable_name: 'server_id', Value: '1' },
  { Variable_name: 'version', Value: '10.11.19-MariaDB-0+deb12u1-log' },
];

class SqlError extends Error {
  constructor(
    readonly errno: number,
    message: string,
  ) {
    super(message);
  }
}
const parseError = (): never => {
  throw new SqlError(1064, 'You have an error in your SQL syntax');
};

/** A fake server: answers known statements, records every statement sent. */
function server(answers: Record<string, () => Record<string, unknown>[]>): {
  query: QueryRows;
  sent: string[];
} {
  const sent: string[] = [];
  return {
    sent,
    query: async (sql) => {
      sent.push(sql);
      const answer = answers[sql];
      if (!answer) throw new SqlError(1064, `no answer for ${sql}`);
      return answer();
    },
  };
}

describe('readNode', () => {
  it('falls back from SHOW REPLICA STATUS to SHOW SLAVE STATUS on a parse error, and remembers it', async () => {
    const s = server({
      [SERVER_INFO_SQL]: () => MYSQL57_VARS,
      'SHOW REPLICA STATUS': parseError,
      'SHOW SLAVE STATUS': () => rowsOf('mysql-5.7-healthy'),
      'SHOW REPLICAS': parseError,
      'SHOW SLAVE HOSTS': () => [],
      [DUMP_THREADS_SQL]: () => [],
    });
    const memo: StatementMemo = {};
    const reading = await readNode(s.query, memo);
    expect(reading.server).toEqual({
      flavor: 'mysql',
      version: '5.7.44-log',
      serverId: 2,
      serverUuid: '9b2a6f1e-208e-11ed-8d1c-000c29aa01b2',
      readOnly: true,
      superReadOnly: false,
      gtidExecuted: '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,9b2a:1-2',
      logBin: true,
    });
    expect(reading.channels.map((c) => c.sourceHost)).toEqual(['localhost']);
    expect(memo).toEqual({ status: 'SHOW SLAVE STATUS', hosts: 'SHOW SLAVE HOSTS' });
    s.sent.length = 0;
    await readNode(s.query, memo);
    expect(s.sent).toEqual([SERVER_INFO_SQL, 'SHOW SLAVE STATUS', 'SHOW SLAVE HOSTS', DUMP_THREADS_SQL]);
  });

  it('reads every MariaDB connection with SHOW ALL SLAVES STATUS, the replicas and the dump threads', async () => {
    const s = server({
      [SERVER_INFO_SQL]: () => MARIADB_VARS,
      'SHOW ALL REPLICAS STATUS': () => rowsOf('mariadb-10.11-multi-source'),
      'SHOW REPLICA HOSTS': () => rowsOf('mariadb-10.11-primary-slave-hosts'),
      [DUMP_THREADS_SQL]: () => rowsOf('mariadb-10.11-primary-processlist'),
    });
    const reading = await readNode(s.query, {});
    expect(reading.server).toMatchObject({
      flavor: 'mariadb',
      serverUuid: null,
      superReadOnly: null,
      gtidExecuted: '0-1-5',
    });
    expect(reading.channels.map((c) => c.channel)).toEqual(['', 'nowhere']);
    expect(reading.replicaHosts).toEqual([{ serverId: 2, host: '127.0.0.1', port: 43485 }]);
    expect(reading.dumpClients).toEqual(['127.0.0.1']);
    expect(reading.statusError).toBeNull();
  });

  it('on a missing privilege reads the server and says which grant is missing', async () => {
    const denied = (): never => {
      throw new SqlError(
        1227,
        'Access denied; you need (at least one of) the REPLICATION CLIENT privilege(s)',
      );
    };
    const s = server({
      [SERVER_INFO_SQL]: () => MYSQL57_VARS,
      'SHOW REPLICA STATUS': denied,
      'SHOW REPLICAS': denied,
      [DUMP_THREADS_SQL]: () => [],
    });
    const reading = await readNode(s.query, {});
    expect(reading.server.serverId).toBe(2);
    expect(reading.channels).toEqual([]);
    expect(reading.replicaHosts).toEqual([]);
    expect(reading.statusError).toEqual({
      code: 'ACCESS_DENIED',
      message: expect.stringContaining('needs the REPLICATION CLIENT privilege'),
    });
  });

  it('lets a lost connection through (the monitor marks the node unreachable)', async () => {
    const s = server({
      [SERVER_INFO_SQL]: () => {
        throw Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST' });
      },
    });
    await expect(readNode(s.query, {})).rejects.toThrow('Connection lost');
  });
});

describe('clientAddress', () => {
  it('drops the client port of a processlist host', () => {
    expect(clientAddress('10.0.0.5:51234')).toBe('10.0.0.5');
    expect(clientAddress('[::1]:51234')).toBe('::1');
    expect(clientAddress('fe80::1')).toBe('fe80::1');
    expect(clientAddress('localhost')).toBe('localhost');
  });
});
