import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where one mariadbd keeps everything: data, private tmpdir, socket, logs and the pid we recorded. */
export interface MariaDbLayout {
  dir: string;
  dataDir: string;
  tmpDir: string;
  socketPath: string;
  /** mariadbd's own pid file (written once it has started). */
  pidFile: string;
  errorLog: string;
  /** The pid we spawned, written at once, so a later run can end a leftover (see leftovers.ts). */
  spawnRecord: string;
}

// Unix socket paths are limited to 107 bytes (sun_path); a deep data dir would not fit, so its socket
// moves to a private folder in the temp dir (owner-only, created by startMariaDb) under a name derived
// from the dir: stable across restarts, unique per dir.
const MAX_SOCKET_PATH = 100;

export function mariaDbLayout(dir: string): MariaDbLayout {
  const inside = join(dir, 'mysqld.sock');
  const privateDir = join(tmpdir(), `rdx-sockets-${process.getuid?.() ?? 'user'}`);
  const hashed = join(privateDir, `${createHash('sha256').update(dir).digest('hex').slice(0, 16)}.sock`);
  return {
    dir,
    dataDir: join(dir, 'data'),
    tmpDir: join(dir, 'tmp'),
    socketPath: Buffer.byteLength(inside) <= MAX_SOCKET_PATH ? inside : hashed,
    pidFile: join(dir, 'mysqld.pid'),
    errorLog: join(dir, 'error.log'),
    spawnRecord: join(dir, 'server.pid'),
  };
}
