import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { boundToParent } from './bound-to-parent';
import type { MariaDbClientTools } from './mariadb-binaries';
import type { SocketLogin } from './sql-connection';

export interface SocketEndpoint {
  socketPath: string;
  login: SocketLogin;
}

// Everything a DB instance holds of its own: user schemas with routines and events, and the accounts
// as portable CREATE USER/GRANT statements. The mysql schema itself is left out: its gtid_slave_pos
// table would be dropped and recreated by the load, and the system tables come from the target's own
// template. sys is the same on both sides.
const DUMP_ARGS = [
  '--single-transaction',
  '--all-databases',
  '--ignore-database=mysql',
  '--ignore-database=sys',
  '--system=users',
  '--replace',
  '--routines',
  '--events',
  '--hex-blob',
];
// With --master-data=1 and --gtid the dump sets gtid_slave_pos to the exact point of its consistent
// snapshot, so a replica loaded from it asks its source for precisely what came after.
const GTID_ARGS = ['--gtid', '--master-data=1'];
// The load stays out of the target's binlog: the data arrived by copy, not as its own transactions,
// and local GTIDs would clash with replicated ones under gtid_strict_mode.
const LOAD_INIT = '--init-command=SET sql_log_bin = 0';

/** Copies one server's databases and accounts into another, piping mariadb-dump into the client. */
export async function copyDatabases(
  tools: MariaDbClientTools,
  from: SocketEndpoint,
  to: SocketEndpoint,
  opts: { withGtidPosition: boolean },
): Promise<void> {
  const dump = start(tools.dump, dumpArgs(from, opts.withGtidPosition), from.login, [
    'ignore',
    'pipe',
    'pipe',
  ]);
  const load = start(tools.client, loadArgs(to), to.login, ['pipe', 'ignore', 'pipe']);
  dump.child.stdout?.pipe(load.child.stdin as NodeJS.WritableStream);
  // The loader dying first makes the dump fail with EPIPE; its own message is the one that matters.
  load.child.stdin?.on('error', () => undefined);
  const [dumped, loaded] = await Promise.allSettled([dump.done, load.done]);
  if (loaded.status === 'rejected') throw loaded.reason;
  if (dumped.status === 'rejected') throw dumped.reason;
}

/** Writes a dump of the server to `file` (through a temp file, so a failed dump never looks complete). */
export async function dumpToFile(
  tools: MariaDbClientTools,
  from: SocketEndpoint,
  file: string,
): Promise<void> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  const dump = start(tools.dump, dumpArgs(from, false), from.login, ['ignore', 'pipe', 'pipe']);
  dump.child.stdout?.pipe(out);
  const written = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  try {
    await Promise.all([dump.done, written]);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Loads a dump file into the server. */
export async function loadFile(tools: MariaDbClientTools, to: SocketEndpoint, file: string): Promise<void> {
  const load = start(tools.client, loadArgs(to), to.login, ['pipe', 'ignore', 'pipe']);
  load.child.stdin?.on('error', () => undefined);
  const input = createReadStream(file);
  input.once('error', (error) => load.child.stdin?.destroy(error));
  input.pipe(load.child.stdin as NodeJS.WritableStream);
  await load.done;
}

function dumpArgs(from: SocketEndpoint, withGtid: boolean): string[] {
  return [
    '--no-defaults', // first, so no ~/.my.cnf or /etc/mysql option can change what is dumped
    `--socket=${from.socketPath}`,
    `--user=${from.login.user}`,
    ...DUMP_ARGS,
    ...(withGtid ? GTID_ARGS : []),
  ];
}

function loadArgs(to: SocketEndpoint): string[] {
  return ['--no-defaults', `--socket=${to.socketPath}`, `--user=${to.login.user}`, LOAD_INIT];
}

type Stdio = ['ignore' | 'pipe', 'ignore' | 'pipe', 'pipe'];

function start(
  command: string,
  args: string[],
  login: SocketLogin,
  stdio: Stdio,
): { child: ChildProcess; done: Promise<void> } {
  // The password travels in the environment, never on the command line where ps would show it.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.MYSQL_PWD;
  if (login.password !== undefined) env.MYSQL_PWD = login.password;
  const [file, argv] = boundToParent(command, args);
  const child = spawn(file, argv, { stdio, env });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`could not run ${command}: ${error.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${command} ${signal ? `killed by ${signal}` : `exited with code ${code}`}: ${stderr.trim()}`,
          ),
        );
    });
  });
  return { child, done };
}
