import type { ReplicaStatus, ServerFlavor, ServerInfo } from '../../shared/models/replication';
import { parseReplicaStatus } from './parse-replica-status';
import { parseServerInfo, SERVER_INFO_SQL } from './server-info';

/** Runs one statement and returns its rows as objects; the monitor passes a node's connection. */
export type QueryRows = (sql: string) => Promise<Record<string, unknown>[]>;

/** A replica a source lists in SHOW REPLICA HOSTS, where it said (report_host/report_port) it listens. */
export interface ReplicaHost {
  serverId: number;
  host: string;
  port: number;
}

export interface NodeReading {
  server: ServerInfo;
  channels: ReplicaStatus[];
  replicaHosts: ReplicaHost[];
  /** Client addresses (no port) of the Binlog Dump threads: every replica connected right now. */
  dumpClients: string[];
  /** Why the replication status could not be read although the server answered (a privilege). */
  statusError: { code: string; message: string } | null;
}

/** Which statement each dialect understood, kept per node so later reads skip the failed ones. */
export interface StatementMemo {
  status?: string;
  hosts?: string;
}

// Newest spelling first; older servers answer it with a parse error and get the next one.
const STATUS_SQL: Record<ServerFlavor, string[]> = {
  mariadb: ['SHOW ALL REPLICAS STATUS', 'SHOW ALL SLAVES STATUS'],
  mysql: ['SHOW REPLICA STATUS', 'SHOW SLAVE STATUS'],
};
const HOSTS_SQL: Record<ServerFlavor, string[]> = {
  mariadb: ['SHOW REPLICA HOSTS', 'SHOW SLAVE HOSTS'],
  mysql: ['SHOW REPLICAS', 'SHOW SLAVE HOSTS'],
};
export const DUMP_THREADS_SQL =
  "SELECT HOST FROM information_schema.PROCESSLIST WHERE COMMAND IN ('Binlog Dump', 'Binlog Dump GTID')";

const ER_PARSE_ERROR = 1064;
const ACCESS_DENIED = new Set([1227, 1142, 1044, 1045]);

/** Everything the topology needs from one server, in four statements on its connection. */
export async function readNode(query: QueryRows, memo: StatementMemo): Promise<NodeReading> {
  const server = parseServerInfo(await query(SERVER_INFO_SQL));
  let channels: ReplicaStatus[] = [];
  let statusError: NodeReading['statusError'] = null;
  try {
    const rows = await firstUnderstood(query, STATUS_SQL[server.flavor], memo, 'status');
    channels = parseReplicaStatus(rows);
  } catch (err) {
    if (!ACCESS_DENIED.has(errnoOf(err))) throw err;
    statusError = { code: 'ACCESS_DENIED', message: privilegeMessage(server.flavor, err) };
  }
  const replicaHosts = await optional(async () =>
    parseReplicaHosts(await firstUnderstood(query, HOSTS_SQL[server.flavor], memo, 'hosts')),
  );
  // Without the PROCESS privilege only our own threads show: no dump threads, which is no error.
  const dumpClients = await optional(async () => parseDumpClients(await query(DUMP_THREADS_SQL)));
  return { server, channels, replicaHosts, dumpClients, statusError };
}

export function parseReplicaHosts(rows: readonly Record<string, unknown>[]): ReplicaHost[] {
  return rows.map((row) => {
    const get = (name: string): unknown =>
      Object.entries(row).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    return {
      serverId: Number(get('Server_id') ?? 0),
      host: String(get('Host') ?? ''),
      port: Number(get('Port') ?? 0),
    };
  });
}

/** `10.0.0.5:51234` → `10.0.0.5`; `[::1]:51234` → `::1`; `localhost` stays. */
export function parseDumpClients(rows: readonly Record<string, unknown>[]): string[] {
  return rows.map((row) => clientAddress(String(row.HOST ?? row.Host ?? row.host ?? '')));
}

export function clientAddress(host: string): string {
  const bracketed = host.match(/^\[(.*)\](:\d+)?$/);
  if (bracketed) return bracketed[1] ?? host;
  const parts = host.split(':');
  // One colon: host:port. More: a bare IPv6 address without a port.
  return parts.length === 2 ? (parts[0] ?? host) : host;
}

async function firstUnderstood(
  query: QueryRows,
  candidates: string[],
  memo: StatementMemo,
  slot: keyof StatementMemo,
): Promise<Record<string, unknown>[]> {
  const known = memo[slot];
  if (known) return query(known);
  let lastError: unknown;
  for (const sql of candidates) {
    try {
      const rows = await query(sql);
      memo[slot] = sql;
      return rows;
    } catch (err) {
      if (errnoOf(err) !== ER_PARSE_ERROR) throw err;
      lastError = err;
    }
  }
  throw lastError;
}

async function optional<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (err) {
    if (ACCESS_DENIED.has(errnoOf(err))) return [];
    throw err;
  }
}

function privilegeMessage(flavor: ServerFlavor, err: unknown): string {
  const grant =
    flavor === 'mariadb' ? 'SLAVE MONITOR (or REPLICATION CLIENT before 10.5.9)' : 'REPLICATION CLIENT';
  return `The user cannot read the replication status: it needs the ${grant} privilege. ${messageOf(err)}`.trim();
}

export function errnoOf(err: unknown): number {
  const e = err as { errno?: unknown; details?: { errno?: unknown } } | null;
  return Number(e?.errno ?? e?.details?.errno ?? 0);
}

function messageOf(err: unknown): string {
  const e = err as { sqlMessage?: unknown; message?: unknown } | null;
  return String(e?.sqlMessage ?? e?.message ?? '');
}
