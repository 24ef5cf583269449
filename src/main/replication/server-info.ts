import type { ServerInfo } from '../../shared/models/replication';

/** The variables a node is described by; SHOW GLOBAL VARIABLES leaves out those a flavor lacks. */
export const SERVER_VARIABLES = [
  'version',
  'server_id',
  'server_uuid',
  'read_only',
  'super_read_only',
  'gtid_executed',
  'gtid_binlog_pos',
  'log_bin',
] as const;

/** One query for both flavors: naming a variable MySQL or MariaDB lacks in a SELECT would fail. */
export const SERVER_INFO_SQL = `SHOW GLOBAL VARIABLES WHERE Variable_name IN (${SERVER_VARIABLES.map((v) => `'${v}'`).join(', ')})`;

/** Rows of SHOW GLOBAL VARIABLES (`Variable_name`, `Value`) → the node's description. */
export function parseServerInfo(rows: readonly Record<string, unknown>[]): ServerInfo {
  const vars = new Map<string, string>();
  for (const row of rows) {
    const name = row.Variable_name ?? row.VARIABLE_NAME;
    const value = row.Value ?? row.VARIABLE_VALUE;
    if (typeof name === 'string') vars.set(name.toLowerCase(), value === null ? '' : String(value));
  }
  const version = vars.get('version') ?? 'unknown';
  const flavor = /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  const gtid = flavor === 'mariadb' ? vars.get('gtid_binlog_pos') : vars.get('gtid_executed');
  return {
    flavor,
    version,
    serverId: Number(vars.get('server_id') ?? 0),
    serverUuid: flavor === 'mysql' ? vars.get('server_uuid') || null : null,
    readOnly: isOn(vars.get('read_only')),
    superReadOnly: vars.has('super_read_only') ? isOn(vars.get('super_read_only')) : null,
    // MySQL prints long sets over several lines.
    gtidExecuted: gtid ? gtid.replace(/,\s+/g, ',') : null,
    logBin: isOn(vars.get('log_bin')),
  };
}

function isOn(value: string | undefined): boolean {
  return value === 'ON' || value === '1';
}
