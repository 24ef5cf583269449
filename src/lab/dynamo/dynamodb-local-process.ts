import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { getFreePort } from '../engine/free-port';
import { spawnServer, type ServerProcess } from '../engine/server-process';
import { answersListTables } from './backend-request';
import type { DynamoDbLocalJar } from './dynamodb-local-finder';
import { endLeftover, forgetPid, recordPid } from './leftover-process';
import { writeLoopbackLauncher } from './loopback-launcher';

export interface DynamoDbLocalOptions {
  java: string;
  jar: DynamoDbLocalJar;
  /** The lab's `<dataDir>/dynamodb`: the database (unless in memory) and the pid record. */
  dir: string;
  inMemory: boolean;
  startTimeoutMs: number;
}

export interface DynamoDbLocalProcess {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

const PID_FILE = 'dynamodb-local.pid.json';
const PROBE_TIMEOUT_MS = 2_000;
const START_ATTEMPTS = 2;
const STOP_GRACE_MS = 10_000;
const NO_COMPILER =
  'this Java is a runtime without its compiler (jdk.compiler), which the launcher that binds DynamoDB ' +
  'Local to 127.0.0.1 needs: install a JDK (Debian: openjdk-17-jdk-headless)';

/**
 * AWS's DynamoDB Local as a child of the lab on a free port bound to 127.0.0.1 (through the loopback
 * launcher: it has no option of its own), with `-sharedDb` (one database for every key and region, as
 * one account has) and `-dbPath` in the lab's data dir so tables survive restarts. A leftover from a
 * crashed lab on the same dir is ended first (it would hold the database).
 */
export async function startDynamoDbLocal(opts: DynamoDbLocalOptions): Promise<DynamoDbLocalProcess> {
  await mkdir(opts.dir, { recursive: true });
  const pidFile = join(opts.dir, PID_FILE);
  await endLeftover(pidFile);
  const launcher = await writeLoopbackLauncher(opts.dir);
  let lastError: unknown;
  // A free port can be taken between our probe and Java binding it; one retry covers that race.
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    const port = await getFreePort();
    const args = [
      `-Djava.library.path=${opts.jar.libDir}`,
      // The jar's manifest brings its libraries (Jetty among them) onto the class path.
      '-cp',
      opts.jar.jar,
      launcher,
      '-port',
      String(port),
      '-sharedDb',
      '-disableTelemetry',
      // Only the lab talks to the backend; an origin no page can have keeps browsers out of it.
      '-cors',
      'https://cors-disabled.invalid',
      ...(opts.inMemory ? ['-inMemory'] : ['-dbPath', opts.dir]),
    ];
    // Killed when the lab exits even if nobody stopped it: no backend outlives its lab.
    const child = spawnServer(opts.java, args, { cwd: dirname(opts.jar.jar), killOnExit: true });
    const endpoint = `http://127.0.0.1:${port}`;
    try {
      await waitReady(child, endpoint, opts.startTimeoutMs);
    } catch (error) {
      lastError = error;
      await child.stop(2_000).catch(() => undefined);
      if (child.outputTail().includes('jdk.compiler')) lastError = new Error(NO_COMPILER);
      if (!child.outputTail().includes('BindException')) break;
      continue;
    }
    await recordPid(pidFile, { pid: child.pid, marker: `${launcher} -port ${port}` });
    return {
      endpoint,
      pid: child.pid,
      async stop() {
        await child.stop(STOP_GRACE_MS);
        await forgetPid(pidFile);
      },
    };
  }
  throw lastError;
}

async function waitReady(child: ServerProcess, endpoint: string, timeoutMs: number): Promise<void> {
  const url = new URL(endpoint);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exit = child.exitReason();
    if (exit !== undefined)
      throw new Error(`DynamoDB Local ${exit}: ${child.outputTail().trim().slice(-2000)}`);
    if (await answersListTables(url, PROBE_TIMEOUT_MS)) return;
    if (Date.now() > deadline) {
      throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
    }
    await delay(150);
  }
}
