import type { ReplicaStatus, ReplicationError, ThreadState } from '../../shared/models/replication';

/** One row of SHOW REPLICA STATUS / SHOW SLAVE STATUS / SHOW ALL SLAVES STATUS, as mysql2 returns it. */
export type StatusRow = Record<string, unknown>;

/**
 * The same column under each dialect's name: MySQL 8.0.22+ (Replica_* / Source_*), MySQL 5.7 and
 * MariaDB (Slave_* / Master_*). Looked up case-insensitively: MariaDB 5.x-era docs and some versions
 * spell a few of them in lower case (Channel_name).
 */
const COLUMNS = {
  ioRunning: ['Replica_IO_Running', 'Slave_IO_Running'],
  sqlRunning: ['Replica_SQL_Running', 'Slave_SQL_Running'],
  ioState: ['Replica_IO_State', 'Slave_IO_State'],
  sqlState: ['Replica_SQL_Running_State', 'Slave_SQL_Running_State'],
  secondsBehind: ['Seconds_Behind_Source', 'Seconds_Behind_Master'],
  sourceHost: ['Source_Host', 'Master_Host'],
  sourcePort: ['Source_Port', 'Master_Port'],
  sourceUser: ['Source_User', 'Master_User'],
  sourceServerId: ['Source_Server_Id', 'Master_Server_Id'],
  sourceUuid: ['Source_UUID', 'Master_UUID'],
  sourceLogFile: ['Source_Log_File', 'Master_Log_File'],
  readSourceLogPos: ['Read_Source_Log_Pos', 'Read_Master_Log_Pos'],
  relaySourceLogFile: ['Relay_Source_Log_File', 'Relay_Master_Log_File'],
  execSourceLogPos: ['Exec_Source_Log_Pos', 'Exec_Master_Log_Pos'],
  relayLogFile: ['Relay_Log_File'],
  relayLogPos: ['Relay_Log_Pos'],
  lastIoErrno: ['Last_IO_Errno'],
  lastIoError: ['Last_IO_Error'],
  lastIoErrorAt: ['Last_IO_Error_Timestamp'],
  lastSqlErrno: ['Last_SQL_Errno'],
  lastSqlError: ['Last_SQL_Error'],
  lastSqlErrorAt: ['Last_SQL_Error_Timestamp'],
  sqlDelay: ['SQL_Delay'],
  sqlRemainingDelay: ['SQL_Remaining_Delay'],
  // MySQL: Channel_Name; MariaDB: Connection_name (SHOW ALL SLAVES STATUS only).
  channel: ['Channel_Name', 'Connection_name'],
  usingGtid: ['Using_Gtid'],
  autoPosition: ['Auto_Position'],
  retrievedGtidSet: ['Retrieved_Gtid_Set'],
  executedGtidSet: ['Executed_Gtid_Set'],
  gtidIoPos: ['Gtid_IO_Pos'],
  gtidSlavePos: ['Gtid_Slave_Pos'],
} as const;

type Column = keyof typeof COLUMNS;

/** Turns the rows of any dialect's replica status statement into one model, one entry per channel. */
export function parseReplicaStatus(rows: readonly StatusRow[]): ReplicaStatus[] {
  return rows.map(parseRow);
}

function parseRow(row: StatusRow): ReplicaStatus {
  const lower = new Map(Object.keys(row).map((k) => [k.toLowerCase(), k]));
  const get = (column: Column): string | null => {
    for (const name of COLUMNS[column]) {
      const key = lower.get(name.toLowerCase());
      if (key !== undefined) return text(row[key]);
    }
    return null;
  };
  const mariadb = get('usingGtid') !== null || get('gtidIoPos') !== null;
  return {
    channel: get('channel') ?? '',
    ioThread: threadState(get('ioRunning')),
    sqlThread: threadState(get('sqlRunning')),
    ioState: get('ioState') ?? '',
    sqlState: get('sqlState') ?? '',
    secondsBehind: int(get('secondsBehind')),
    sourceHost: get('sourceHost') ?? '',
    sourcePort: int(get('sourcePort')) ?? 0,
    sourceUser: get('sourceUser') ?? '',
    // 0 until the IO thread has once connected: no server has id 0 in a replication topology.
    sourceServerId: int(get('sourceServerId')) || null,
    sourceUuid: blankToNull(get('sourceUuid')),
    gtidMode: mariadb ? (get('usingGtid') ?? 'No') : autoPosition(get('autoPosition')),
    gtidReceived: blankToNull(mariadb ? get('gtidIoPos') : get('retrievedGtidSet')),
    gtidExecuted: gtidSet(mariadb ? get('gtidSlavePos') : get('executedGtidSet')),
    sourceLogFile: get('sourceLogFile') ?? '',
    readSourceLogPos: int(get('readSourceLogPos')),
    relaySourceLogFile: get('relaySourceLogFile') ?? '',
    execSourceLogPos: int(get('execSourceLogPos')),
    relayLogFile: get('relayLogFile') ?? '',
    relayLogPos: int(get('relayLogPos')),
    lastIoError: replicationError(get('lastIoErrno'), get('lastIoError'), get('lastIoErrorAt')),
    lastSqlError: replicationError(get('lastSqlErrno'), get('lastSqlError'), get('lastSqlErrorAt')),
    sqlDelay: int(get('sqlDelay')) ?? 0,
    sqlRemainingDelay: int(get('sqlRemainingDelay')),
    raw: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, text(v)])),
  };
}

/** `Yes` runs; MySQL's and MariaDB's `Connecting` (and MariaDB's brief `Preparing`) retries the source. */
export function threadState(value: string | null): ThreadState {
  if (value === 'Yes') return 'running';
  if (value === 'Connecting' || value === 'Preparing') return 'connecting';
  return 'stopped';
}

function autoPosition(value: string | null): string {
  return value === '1' ? 'auto-position' : 'No';
}

function replicationError(
  errno: string | null,
  message: string | null,
  at: string | null,
): ReplicationError | null {
  const code = int(errno) ?? 0;
  if (code === 0 && !message) return null;
  return { errno: code, message: message ?? '', at: errorTime(at) };
}

/**
 * MySQL reports error times as `YYMMDD hh:mm:ss` in the server's time zone (which it does not say);
 * they are kept as a local ISO time, `2020-11-23T10:34:17`.
 */
export function errorTime(value: string | null): string | null {
  const m = value?.trim().match(/^(\d{2})(\d{2})(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d+)?$/);
  if (!m) return blankToNull(value?.trim() ?? null);
  return `20${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}`;
}

// A GTID set printed over several lines (MySQL's `uuid:1-5,\nuuid:1-3`) is one value.
function gtidSet(value: string | null): string | null {
  return blankToNull(value?.replace(/,\s+/g, ',') ?? null);
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return String(value);
}

function int(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}
