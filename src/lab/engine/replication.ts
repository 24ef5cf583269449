import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { waitUntil } from './wait-until';

export interface ReplicationSource {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** The SHOW SLAVE STATUS columns the lab reads (MariaDB names). */
export interface SlaveStatus {
  Slave_IO_Running: string;
  Slave_SQL_Running: string;
  Last_IO_Errno: number;
  Last_IO_Error: string;
  Last_SQL_Errno: number;
  Last_SQL_Error: string;
  Master_Port: number;
  SQL_Delay: number;
  Seconds_Behind_Master: number | null;
  Gtid_IO_Pos: string;
}

export const REPLICATION_SQL = {
  // MASTER_USE_GTID=slave_pos: the copy set gtid_slave_pos, so the replica asks for exactly what it lacks.
  // MASTER_CONNECT_RETRY=1: after a restart or a failover of the source it is back within a second.
  changeMaster: `CHANGE MASTER TO MASTER_HOST=?, MASTER_PORT=?, MASTER_USER=?, MASTER_PASSWORD=?,
    MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1`,
  changeMasterPort: 'CHANGE MASTER TO MASTER_PORT=?',
  changeMasterDelay: 'CHANGE MASTER TO MASTER_DELAY=?',
  startSlave: 'START SLAVE',
  stopSlave: 'STOP SLAVE',
  resetSlaveAll: 'RESET SLAVE ALL',
  showSlaveStatus: 'SHOW SLAVE STATUS',
  readOnlyOn: 'SET GLOBAL read_only = 1',
  readOnlyOff: 'SET GLOBAL read_only = 0',
  binlogPosition: 'SELECT @@GLOBAL.gtid_binlog_pos AS pos',
  // A former source rejoining as a replica starts after everything it has itself binlogged.
  slavePosFromBinlog: 'SET GLOBAL gtid_slave_pos = @@GLOBAL.gtid_binlog_pos',
  waitForGtid: 'SELECT MASTER_GTID_WAIT(?, ?) AS result',
} as const;

/** Makes the server a read-only GTID replica of `source` and waits until both threads run. */
export async function startReplica(
  connection: Connection,
  source: ReplicationSource,
  timeoutMs: number,
): Promise<void> {
  // Before START SLAVE, so there is no moment where the replica takes ordinary writes.
  await connection.query(REPLICATION_SQL.readOnlyOn);
  await connection.query(REPLICATION_SQL.changeMaster, [
    source.host,
    source.port,
    source.user,
    source.password,
  ]);
  await connection.query(REPLICATION_SQL.startSlave);
  await waitReplicaRunning(connection, timeoutMs);
}

export async function readSlaveStatus(connection: Connection): Promise<SlaveStatus | undefined> {
  const [rows] = await connection.query<(RowDataPacket & SlaveStatus)[]>(REPLICATION_SQL.showSlaveStatus);
  return rows[0];
}

export async function waitReplicaRunning(connection: Connection, timeoutMs: number): Promise<void> {
  await waitUntil(
    async () => {
      const status = await readSlaveStatus(connection);
      if (status?.Slave_IO_Running === 'Yes' && status.Slave_SQL_Running === 'Yes') return true;
      throw new Error(
        `IO=${status?.Slave_IO_Running} SQL=${status?.Slave_SQL_Running} ${status?.Last_IO_Error ?? ''} ${status?.Last_SQL_Error ?? ''}`,
      );
    },
    { what: 'replica threads to run', timeoutMs, intervalMs: 50 },
  );
}

/** Ends replication for good (promotion): the threads stop and the source is forgotten. */
export async function stopReplication(connection: Connection): Promise<void> {
  await connection.query(REPLICATION_SQL.stopSlave);
  await connection.query(REPLICATION_SQL.resetSlaveAll);
}

/** Points a replica at another port of the same host, keeping its GTID position. */
export async function repointReplica(connection: Connection, port: number): Promise<void> {
  await connection.query(REPLICATION_SQL.stopSlave);
  await connection.query(REPLICATION_SQL.changeMasterPort, [port]);
  await connection.query(REPLICATION_SQL.startSlave);
}

export async function setReplicationDelay(connection: Connection, seconds: number): Promise<void> {
  await connection.query(REPLICATION_SQL.stopSlave);
  await connection.query(REPLICATION_SQL.changeMasterDelay, [seconds]);
  // The IO thread takes the clock difference with the primary in whole seconds (two UNIX_TIMESTAMP()
  // reads) when it connects, and the delay counts from it: reads straddling a second would shorten
  // the delay by a second. Starting just after a whole second keeps both reads in the same one.
  await sleep(1020 - (Date.now() % 1000));
  await connection.query(REPLICATION_SQL.startSlave);
}

export async function binlogPosition(connection: Connection): Promise<string> {
  const [rows] = await connection.query<RowDataPacket[]>(REPLICATION_SQL.binlogPosition);
  return String(rows[0]?.pos ?? '');
}

/** Whether the replica applied everything up to `position` within `timeoutSeconds`. */
export async function waitForGtid(
  connection: Connection,
  position: string,
  timeoutSeconds: number,
): Promise<boolean> {
  const [rows] = await connection.query<RowDataPacket[]>(REPLICATION_SQL.waitForGtid, [
    position,
    timeoutSeconds,
  ]);
  return Number(rows[0]?.result) === 0;
}
