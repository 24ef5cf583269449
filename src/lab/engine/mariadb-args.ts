import type { MariaDbLayout } from './mariadb-layout';

export interface MariaDbArgsOptions {
  port: number;
  serverId: number;
  /** Start read-only, so a replica never takes an ordinary write, not even before its setup runs. */
  readOnly?: boolean;
  /**
   * What this server announces to its source as a replica (SHOW SLAVE HOSTS). Without it MariaDB still
   * lists the replica, under the address it connected from and its own port.
   */
  report?: { host: string; port: number };
  /** SQL the server runs at startup before it accepts any connection. */
  initFile?: string;
}

/**
 * Small buffers and relaxed durability (at most a second of commits lost on a power cut; a clean stop
 * loses nothing): a server starts in well under a second. Every server binlogs with GTIDs so any of
 * them can be a source or be promoted.
 */
export function mariaDbArgs(layout: MariaDbLayout, opts: MariaDbArgsOptions): string[] {
  return [
    '--no-defaults', // must come first: never read the machine's /etc/mysql config (port 3306 etc.)
    ...(process.getuid?.() === 0 ? ['--user=root'] : []),
    `--datadir=${layout.dataDir}`,
    `--tmpdir=${layout.tmpDir}`, // private: see mariadb-template.ts
    `--port=${opts.port}`,
    '--bind-address=127.0.0.1',
    `--socket=${layout.socketPath}`,
    `--pid-file=${layout.pidFile}`,
    `--log-error=${layout.errorLog}`,
    '--skip-name-resolve',
    '--innodb-buffer-pool-size=32M',
    '--innodb-log-file-size=8M',
    '--innodb-flush-log-at-trx-commit=2',
    '--innodb-temp-data-file-path=ibtmp1:1M:autoextend',
    '--innodb-buffer-pool-load-at-startup=OFF',
    '--innodb-buffer-pool-dump-at-shutdown=OFF',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    `--server-id=${opts.serverId}`,
    '--log-bin=mariadb-bin',
    '--relay-log=relay-bin',
    '--binlog-format=ROW',
    '--log-slave-updates',
    '--gtid-strict-mode=ON',
    ...(opts.readOnly ? ['--read-only'] : []),
    ...(opts.initFile === undefined ? [] : [`--init-file=${opts.initFile}`]),
    ...(opts.report === undefined
      ? []
      : [`--report-host=${opts.report.host}`, `--report-port=${opts.report.port}`]),
  ];
}
