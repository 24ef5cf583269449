/**
 * Replication as the app shows it: one model for MySQL 8.0.22+ (Replica_* / Source_*), MySQL 5.7
 * (Slave_* / Master_*) and MariaDB (Gtid_IO_Pos, Using_Gtid, multi-source connection names).
 */

/** `connecting` is the IO thread's `Connecting` (retrying the source), which is not yet an error. */
export type ThreadState = 'running' | 'connecting' | 'stopped';

export interface ReplicationError {
  errno: number;
  message: string;
  /** ISO time of the error as the server reported it (MySQL's Last_*_Error_Timestamp); null when absent. */
  at: string | null;
}

/** One replication channel of a replica (MariaDB multi-source or MySQL channels; '' is the default). */
export interface ReplicaStatus {
  channel: string;
  ioThread: ThreadState;
  sqlThread: ThreadState;
  /** Slave_IO_State / Replica_IO_State, e.g. "Waiting for master to send event". */
  ioState: string;
  /** Slave_SQL_Running_State / Replica_SQL_Running_State. */
  sqlState: string;
  /** Seconds_Behind_Master / Seconds_Behind_Source; null while a thread is stopped. */
  secondsBehind: number | null;
  sourceHost: string;
  sourcePort: number;
  sourceUser: string;
  sourceServerId: number | null;
  /** MySQL's Source_UUID / Master_UUID; null on MariaDB. */
  sourceUuid: string | null;
  /**
   * How GTIDs are used: MariaDB's Using_Gtid (`Slave_Pos`, `Current_Pos`, `No`), MySQL's
   * Auto_Position (`auto-position` or `No`).
   */
  gtidMode: string;
  /** MySQL: Retrieved_Gtid_Set; MariaDB: Gtid_IO_Pos. */
  gtidReceived: string | null;
  /** MySQL: Executed_Gtid_Set; MariaDB: Gtid_Slave_Pos. */
  gtidExecuted: string | null;
  /** Binlog coordinates on the source: what the IO thread read and what the SQL thread executed. */
  sourceLogFile: string;
  readSourceLogPos: number | null;
  relaySourceLogFile: string;
  execSourceLogPos: number | null;
  relayLogFile: string;
  relayLogPos: number | null;
  lastIoError: ReplicationError | null;
  lastSqlError: ReplicationError | null;
  /** Configured delay (SQL_Delay / MASTER_DELAY) in seconds. */
  sqlDelay: number;
  sqlRemainingDelay: number | null;
  /** Every field as the server named it, for the detail panel (values as text, NULL as null). */
  raw: Record<string, string | null>;
}

export type ServerFlavor = 'mariadb' | 'mysql';

export interface ServerInfo {
  flavor: ServerFlavor;
  /** SELECT VERSION(), e.g. `10.11.6-MariaDB-0+deb12u1-log` or `8.0.35`. */
  version: string;
  serverId: number;
  /** MySQL's @@server_uuid; null on MariaDB. */
  serverUuid: string | null;
  readOnly: boolean;
  /** MySQL's super_read_only; null where the server has none (MariaDB). */
  superReadOnly: boolean | null;
  /** MySQL: @@gtid_executed; MariaDB: @@gtid_binlog_pos (what this server has written). */
  gtidExecuted: string | null;
  logBin: boolean;
}

/**
 * green: both threads running and the lag under the threshold; amber: lag above it; red: a stopped
 * thread or an error; grey: the server cannot be reached. A primary with no problem is green.
 */
export type NodeHealth = 'healthy' | 'lagging' | 'broken' | 'unreachable';

export type NodeRole = 'primary' | 'replica' | 'relay' | 'standalone';

/** How the app reached (or failed to reach) a node. */
export type NodeAccess =
  | { kind: 'profile'; profileId: string }
  /**
   * A peer with no profile of its own, reached with a profile's credentials at the peer's address:
   * `approved` after the user allowed that address for that profile, `rds` because RDS lists it in
   * the start instance's topology. A peer that only a server announced gets no credentials.
   */
  | { kind: 'inherited'; fromProfileId: string; grant: 'approved' | 'rds' }
  /** Discovered but not connected: the UI offers to connect with a profile. */
  | { kind: 'none' };

/** A server address the user allowed a profile's login (user, password, TLS, SSH bastion) to be used on. */
export interface PeerApproval {
  profileId: string;
  profileName: string;
  host: string;
  port: number;
  /** ISO time of the approval. */
  approvedAt: string;
}

export interface MeasuredLag {
  /** The lag measured by the heartbeat, the servers' clock offset removed; null before the first sample. */
  lagMs: number | null;
  /** ISO time of the newest sample. */
  at: string | null;
  source: 'rds_heartbeat2' | 'heartbeat-table';
}

export interface ReplicationNode {
  /** Stable across refreshes: `sid:<server_id>` once connected, else `addr:<host>:<port>`. */
  key: string;
  /** The RDS identifier, the profile's name, or host:port. */
  label: string;
  host: string;
  port: number;
  access: NodeAccess;
  /** The RDS instance behind this node when the topology came from RDS. */
  rdsInstanceId: string | null;
  role: NodeRole | null;
  health: NodeHealth;
  /** One line saying why the health is what it is (the error's text, "lag 12 s above 5 s", ...). */
  healthReason: string;
  server: ServerInfo | null;
  /** The replica's channels; empty on a primary. */
  channels: ReplicaStatus[];
  measured: MeasuredLag | null;
  /** Why the node could not be read (connection or permission error); null when it was. */
  error: { code: string; message: string } | null;
  /** Wall time of this node's status queries. */
  readMs: number | null;
}

export interface ReplicationEdge {
  /** Source node key. */
  from: string;
  /** Replica node key. */
  to: string;
  channel: string;
}

export interface HeartbeatSettings {
  enabled: boolean;
  /** `rds` reads mysql.rds_heartbeat2 (RDS MySQL writes it); `table` writes our own row on the primary. */
  mode: 'rds' | 'table';
  /** Schema of the heartbeat table in `table` mode (created when missing, with consent). */
  schema: string;
  intervalMs: number;
}

export interface ReplicationSnapshot {
  monitorId: string;
  takenAt: string;
  nodes: ReplicationNode[];
  edges: ReplicationEdge[];
  /** Wall time of the whole refresh (all nodes read in parallel). */
  refreshMs: number;
  lagThresholdSeconds: number;
  heartbeat: HeartbeatSettings & { error: string | null };
  /** Why the RDS topology could not be described (the SQL topology is shown all the same). */
  rdsError?: string;
}

export type ConsistencyVerdict = 'match' | 'mismatch' | 'changed' | 'skipped' | 'error';

/** A key range whose rows differ, with the rows themselves when the range is small. */
export interface DifferingRange {
  /** Inclusive bounds of the primary key, as text per key column; null = open end. */
  lower: string[] | null;
  upper: string[] | null;
  primaryRows: number;
  replicaRows: number;
  /** Present when the range holds at most the check's row limit; cells as text, NULL as null. */
  rows?: {
    columns: string[];
    keyColumns: string[];
    /** Each differing key with the row on each side (null = missing there). */
    diffs: { key: string[]; primary: (string | null)[] | null; replica: (string | null)[] | null }[];
  };
}

export interface TableCheckResult {
  /** `schema.table` */
  table: string;
  replicaKey: string;
  verdict: ConsistencyVerdict;
  /** Why skipped, changed or errored, in words. */
  detail: string;
  chunks: number;
  rowsPrimary: number;
  rowsReplica: number;
  differing: DifferingRange[];
}

export interface ConsistencyProgress {
  checkId: string;
  phase:
    | 'checksum-primary'
    | 'waiting-replica'
    | 'checksum-replica'
    | 'narrowing'
    | 'done'
    | 'cancelled'
    | 'failed';
  /** Chunks done / total over every table and replica. */
  done: number;
  total: number;
  /** The primary's GTID position the replicas were waited for. */
  gtidPosition: string | null;
  results: TableCheckResult[];
  error: string | null;
}

/** A table the consistency check can be run on. */
export interface CheckableTable {
  table: string;
  estimatedRows: number;
  /** Null when it can be checked; else why not (no primary key, ...). */
  unsupported: string | null;
}
