import { dirname, join } from 'node:path';
import { findExecutable } from './find-executable';

export interface MariaDbBinaries {
  /** mariadbd (or mysqld). */
  server: string;
  /** mariadb-install-db (or mysql_install_db), which creates the system tables of a fresh data dir. */
  installDb: string;
}

// Server daemons live in sbin on Debian, which is often not on PATH; the others are the usual
// Homebrew and tarball layouts.
const SERVER_DIRS = ['/usr/sbin', '/usr/local/sbin', '/usr/local/mysql/bin', '/opt/homebrew/bin'];
const TOOL_DIRS = ['/usr/bin', '/usr/local/bin', '/usr/local/mysql/scripts', '/opt/homebrew/bin'];

/** Finds the MariaDB server and its data-dir initialiser, or says precisely what was looked for. */
export function findMariaDbBinaries(): MariaDbBinaries {
  try {
    const server = findExecutable(['mariadbd', 'mysqld'], SERVER_DIRS);
    const nearServer = [dirname(server), join(dirname(server), '..', 'bin')];
    const installDb = findExecutable(
      ['mariadb-install-db', 'mysql_install_db'],
      [...nearServer, ...TOOL_DIRS],
    );
    return { server, installDb };
  } catch (error) {
    throw new Error(
      `MariaDB server binaries are needed for integration tests (Debian: apt-get install mariadb-server): ${(error as Error).message}`,
      { cause: error },
    );
  }
}
