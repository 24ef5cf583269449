import { join } from 'node:path';
import type { ServiceHandler } from '../edge/types';
import type { DynamoFaults } from '../faults';
import { CAPABILITIES, type DynamoBackendKind, type DynamoCapabilities } from './backend-capabilities';
import { startDynalite } from './dynalite-server';
import { findDynamoDbLocalJar, findJava, type Found } from './dynamodb-local-finder';
import { startDynamoDbLocal, type DynamoDbLocalProcess } from './dynamodb-local-process';
import { createDynamoProxy } from './dynamo-proxy';

export interface DynamoBackendOptions {
  /** The lab's data dir: DynamoDB Local keeps `<dataDir>/dynamodb`, dynalite `<dataDir>/dynalite`. */
  dataDir: string;
  javaPath?: string;
  /** `--dynamodb-local-jar`; otherwise the test harness's cached copy is looked for. */
  jarPath?: string;
  /** Keep no data on disk (tests, throwaway labs). */
  inMemory?: boolean;
  /** `auto` (default): DynamoDB Local when Java and the jar are there and it starts; dynalite otherwise. */
  backend?: 'auto' | DynamoBackendKind;
  /** How long DynamoDB Local may take to answer its first call (a cold JVM on a slow box). */
  startTimeoutMs?: number;
  /** Per proxied call. */
  requestTimeoutMs?: number;
  /** For tests: the throttle fault's dice. */
  random?: () => number;
}

export interface DynamoBackend {
  kind: DynamoBackendKind;
  /** The backend's own endpoint (the edge is the one to give clients). */
  endpoint: string;
  capabilities: DynamoCapabilities;
  /** The edge's `dynamodb` service. */
  handler: ServiceHandler;
  faults: DynamoFaults;
  /** Why DynamoDB Local is not the backend, for the status bar (set when `kind` is dynalite under auto). */
  fallbackReason?: string;
  stop(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 60_000;

/** Starts the lab's DynamoDB: DynamoDB Local as a child process if it can, dynalite in-process if not. */
export async function createDynamoBackend(opts: DynamoBackendOptions): Promise<DynamoBackend> {
  const choice = opts.backend ?? 'auto';
  let fallbackReason: string | undefined;
  if (choice !== 'dynalite') {
    const local = await tryDynamoDbLocal(opts);
    if (local.ok) return assemble(opts, 'dynamodb-local', local.value.endpoint, local.value.stop);
    if (choice === 'dynamodb-local') throw new Error(`DynamoDB Local is not available: ${local.reason}`);
    fallbackReason = local.reason;
  }
  const server = await startDynalite(opts.inMemory ? undefined : join(opts.dataDir, 'dynalite'));
  return assemble(opts, 'dynalite', server.endpoint, server.stop, fallbackReason);
}

async function tryDynamoDbLocal(opts: DynamoBackendOptions): Promise<Found<DynamoDbLocalProcess>> {
  const java = findJava(opts.javaPath);
  if (!java.ok) return java;
  const jar = findDynamoDbLocalJar(opts.jarPath);
  if (!jar.ok) return jar;
  try {
    const value = await startDynamoDbLocal({
      java: java.value,
      jar: jar.value,
      dir: join(opts.dataDir, 'dynamodb'),
      inMemory: opts.inMemory ?? false,
      startTimeoutMs: opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
    });
    return { ok: true, value };
  } catch (error) {
    return {
      ok: false,
      reason: `DynamoDB Local did not start: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function assemble(
  opts: DynamoBackendOptions,
  kind: DynamoBackendKind,
  endpoint: string,
  stopBackend: () => Promise<void>,
  fallbackReason?: string,
): DynamoBackend {
  const proxy = createDynamoProxy({ kind, endpoint, timeoutMs: opts.requestTimeoutMs, random: opts.random });
  let stopping: Promise<void> | undefined;
  return {
    kind,
    endpoint,
    capabilities: CAPABILITIES[kind],
    handler: proxy.handler,
    faults: proxy.faults,
    fallbackReason,
    stop() {
      // Kept-alive proxy sockets would hold the backend's close open; drop them first.
      stopping ??= (async () => {
        proxy.close();
        await stopBackend();
      })();
      return stopping;
    },
  };
}
