import { dirname } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { registerCleanup } from './cleanup';
import { ensureDynamoDbLocalJar } from './dynamodb-local-jar';
import { findExecutable } from './find-executable';
import { getFreePort } from './free-port';
import { spawnServer, type ServerProcess } from './server-process';
import { waitUntil } from './wait-until';

export interface DynamoDbLocal {
  /** `http://127.0.0.1:PORT`, for the SDK's `endpoint` option (any region, any static credentials). */
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  startTimeoutMs?: number;
}

/** Static credentials are enough: DynamoDB Local checks the signature's shape, not the secret. */
export const DYNAMODB_LOCAL_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;
export const DYNAMODB_LOCAL_REGION = 'us-east-1';

/** Starts AWS's DynamoDB Local (in memory) on a free port and waits until the SDK can list tables. */
export async function startDynamoDbLocal(opts: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const java = findJava();
  const { jar, libDir } = await ensureDynamoDbLocalJar();
  const port = await getFreePort();
  const endpoint = `http://127.0.0.1:${port}`;
  let proc: ServerProcess | undefined;
  const stop = registerCleanup('dynamodb local', async () => proc?.stop());
  try {
    const args = [
      `-Djava.library.path=${libDir}`,
      '-jar',
      jar,
      '-inMemory',
      // One database for every access key and region, as the real service has per account: the app
      // under test and the test itself may sign with different static credentials.
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
    ];
    proc = spawnServer(java, args, dirname(jar));
    const running = proc;
    await waitUntil(() => probe(endpoint), {
      what: `DynamoDB Local on ${endpoint} to answer ListTables`,
      timeoutMs: opts.startTimeoutMs ?? 60_000,
      abortReason: () => {
        const reason = running.exitReason();
        return reason && `java ${reason}\n--- output tail ---\n${running.outputTail()}`;
      },
    });
    return { endpoint, port, pid: running.pid, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

function findJava(): string {
  const javaHome = process.env.JAVA_HOME;
  try {
    return findExecutable(['java'], javaHome ? [`${javaHome}/bin`] : []);
  } catch (error) {
    throw new Error(
      `Java 17+ is needed to run DynamoDB Local (Debian: apt-get install openjdk-17-jre-headless): ${(error as Error).message}`,
      { cause: error },
    );
  }
}

async function probe(endpoint: string): Promise<true> {
  const client = new DynamoDBClient({
    endpoint,
    region: DYNAMODB_LOCAL_REGION,
    credentials: DYNAMODB_LOCAL_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: { requestTimeout: 2000, connectionTimeout: 1000 },
  });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } finally {
    client.destroy();
  }
}
