import type { Connection, RowDataPacket } from 'mysql2/promise';

/** The lab's own account on every server, reachable only through the unix socket (as RDS's rdsadmin). */
export const LAB_ADMIN = 'rdsadmin';
/** The replication account replicas and standbys log in with, over TCP from 127.0.0.1. */
export const LAB_REPL = 'rdsrepladmin';
/** A fresh server's root, renamed while a dump is loaded: the dump's accounts may not replace the loader. */
export const IMPORT_USER = 'rdslab_import';
export const TEMPLATE_ROOT = { user: 'root' } as const;

const SQL = {
  // Account setup is local to each server: it stays out of the binlog so no replica ever receives it.
  noBinlog: 'SET SESSION sql_log_bin = 0',
  // mariadb-install-db leaves passwordless root accounts for 127.0.0.1, ::1 and the host name: all go.
  templateAccounts: `SELECT User AS user, Host AS host FROM mysql.user
    WHERE NOT (User = 'root' AND Host = 'localhost') AND User <> 'mariadb.sys'`,
  dropUser: 'DROP USER ?@?',
  renameRoot: `RENAME USER 'root'@'localhost' TO ?@'localhost'`,
  setLocalPassword: `ALTER USER ?@'localhost' IDENTIFIED BY ?`,
  createRepl: `CREATE USER ?@'127.0.0.1' IDENTIFIED BY ?`,
  grantRepl: `GRANT REPLICATION SLAVE ON *.* TO ?@'127.0.0.1'`,
  createMaster: `CREATE USER ?@'%' IDENTIFIED BY ?`,
  grantMaster: `GRANT ALL PRIVILEGES ON *.* TO ?@'%' WITH GRANT OPTION`,
  // As on RDS the master user is powerful but not SUPER: read_only stops it on a replica, and it
  // cannot shut the server down behind the lab's back.
  revokeMaster: `REVOKE SUPER, READ_ONLY ADMIN, SHUTDOWN ON *.* FROM ?@'%'`,
  createDatabase: 'CREATE DATABASE ??',
  setMasterPassword: `ALTER USER ?@'%' IDENTIFIED BY ?`,
  dropImportUser: `DROP USER IF EXISTS ?@'localhost'`,
} as const;

interface AccountRow extends RowDataPacket {
  user: string;
  host: string;
}

export interface FreshServerSetup {
  adminPassword: string;
  replPassword: string;
  masterUsername: string;
  masterPassword: string;
  dbName?: string;
}

/** Turns a server fresh from the template into a DB instance: lab accounts, master user, database. */
export async function secureFreshServer(connection: Connection, setup: FreshServerSetup): Promise<void> {
  await connection.query(SQL.noBinlog);
  await dropTemplateAccounts(connection);
  await connection.query(SQL.renameRoot, [LAB_ADMIN]);
  await connection.query(SQL.setLocalPassword, [LAB_ADMIN, setup.adminPassword]);
  await connection.query(SQL.createRepl, [LAB_REPL, setup.replPassword]);
  await connection.query(SQL.grantRepl, [LAB_REPL]);
  await connection.query(SQL.createMaster, [setup.masterUsername, setup.masterPassword]);
  await connection.query(SQL.grantMaster, [setup.masterUsername]);
  await connection.query(SQL.revokeMaster, [setup.masterUsername]);
  if (setup.dbName !== undefined) await connection.query(SQL.createDatabase, [setup.dbName]);
}

/** Readies a fresh server to receive a dump (which brings every account, the lab's included). */
export async function prepareForLoad(connection: Connection): Promise<void> {
  await connection.query(SQL.noBinlog);
  await dropTemplateAccounts(connection);
  await connection.query(SQL.renameRoot, [IMPORT_USER]);
}

/** After the load: the loader account goes; the dump's accounts (lab admin included) remain. */
export async function finishLoad(connection: Connection): Promise<void> {
  await connection.query(SQL.noBinlog);
  await connection.query(SQL.dropImportUser, [IMPORT_USER]);
}

/**
 * Sets the master user's password. On a primary it is binlogged, so replicas and the standby follow,
 * as they do on RDS; on a replica it stays local (it must not clash with replicated transactions).
 */
export async function setMasterPassword(
  connection: Connection,
  username: string,
  password: string,
  local: boolean,
): Promise<void> {
  if (local) await connection.query(SQL.noBinlog);
  await connection.query(SQL.setMasterPassword, [username, password]);
}

async function dropTemplateAccounts(connection: Connection): Promise<void> {
  const [accounts] = await connection.query<AccountRow[]>(SQL.templateAccounts);
  for (const { user, host } of accounts) await connection.query(SQL.dropUser, [user, host]);
}
