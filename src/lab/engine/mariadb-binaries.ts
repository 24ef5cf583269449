import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { findExecutable, findOptionalExecutable } from './find-executable';

const execFileAsync = promisify(execFile);

export interface MariaDbBinaries {
  /** mariadbd (or mysqld). */
  server: string;
  /** mariadb-install-db (or mysql_install_db), which creates the system tables of a fresh data dir. */
  installDb: string;
}

/** The client programs that copy data between servers (replicas, snapshots). */
export interface MariaDbClientTools {
  /** mariadb-dump (or mysqldump). */
  dump: string;
  /** mariadb (or mysql), the command-line client that loads a dump. */
  client: string;
}

// Server daemons live in sbin on Debian, which is often not on PATH; the others are the usual
// Homebrew and tarball layouts.
const SERVER_DIRS = ['/usr/sbin', '/usr/local/sbin', '/usr/local/mysql/bin', '/opt/homebrew/bin'];
const TOOL_DIRS = ['/usr/bin', '/usr/local/bin', '/usr/local/mysql/scripts', '/opt/homebrew/bin'];

/** Finds the MariaDB server and its data-dir initialiser; the error says precisely what was looked for. */
export function findMariaDbBinaries(): MariaDbBinaries {
  try {
    const server = findExecutable(['mariadbd', 'mysqld'], SERVER_DIRS);
    const installDb = findExecutable(['mariadb-install-db', 'mysql_install_db'], nearServer(server));
    return { server, installDb };
  } catch (error) {
    throw new Error(
      `MariaDB server binaries not found (Debian: apt-get install mariadb-server): ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** Finds mariadb-dump and the mariadb client beside the server, or says what was looked for. */
export function findMariaDbClientTools(server: string): MariaDbClientTools {
  const dirs = nearServer(server);
  const dump = findOptionalExecutable(['mariadb-dump', 'mysqldump'], dirs);
  const client = findOptionalExecutable(['mariadb', 'mysql'], dirs);
  if (dump && client) return { dump, client };
  throw new Error(
    `MariaDB client tools not found (Debian: apt-get install mariadb-client): looked for mariadb-dump and mariadb on PATH and in ${dirs.join(', ')}`,
  );
}

/** The server's version number, e.g. `10.11.19` from `mariadbd  Ver 10.11.19-MariaDB-0+deb12u1 ...`. */
export async function serverVersion(server: string): Promise<string> {
  const { stdout } = await execFileAsync(server, ['--version'], { timeout: 10_000 });
  const match = /Ver\s+(\d+\.\d+\.\d+)/.exec(stdout);
  if (!match?.[1]) throw new Error(`could not read the version of ${server} from: ${stdout.trim()}`);
  return match[1];
}

function nearServer(server: string): string[] {
  return [dirname(server), join(dirname(server), '..', 'bin'), ...TOOL_DIRS];
}
