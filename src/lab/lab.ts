import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RDSClient } from '@aws-sdk/client-rds';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoBackend, type DynamoBackend } from './dynamo/dynamo-backend';
import { startEdgeServer, type EdgeServer } from './edge/edge-server';
import { createStsHandler } from './edge/sts-handler';
import type { ServiceHandler } from './edge/types';
import { labCredentialsPath, loadOrCreateLabCredentials, type LabCredentials } from './lab-credentials';
import { createFaultRoute } from './lab-faults';
import { claimLabDir } from './lab-pid';
import { LAB_DEFAULT_PORT, LAB_REGION, type LabStatus } from '../shared/models/lab';
import { createRdsService, type RdsService } from './rds/rds-service';
import { createSecretsService } from './secrets/secrets-service';
import { seedCourseDynamo, seedCourseRds } from './seed/seed-course';

export interface LabOptions {
  dataDir: string;
  host?: string;
  /** 4566 unless given; 0 picks a free port. */
  port?: number;
  region?: string;
  seed?: 'course' | 'none';
  dynamodb?: { jarPath?: string; backend?: 'auto' | 'dynamodb-local' | 'dynalite'; inMemory?: boolean };
  onStatus?: (status: LabStatus) => void;
}

export interface Lab {
  endpoint: string;
  region: string;
  /** The one key pair the lab accepts, from `<dataDir>/credentials.json` (made at first start). */
  credentials: LabCredentials;
  status(): LabStatus;
  /** Settles when seeding has finished (or failed: the status says why). */
  seeded: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the local lab: Secrets Manager, RDS on real MariaDB processes (when the binaries exist) and
 * DynamoDB, behind one AWS-compatible endpoint; then seeds the course labs through that endpoint.
 */
export async function startLab(opts: LabOptions): Promise<Lab> {
  const region = opts.region ?? LAB_REGION;
  let status: LabStatus = { state: 'starting', region, rds: { available: false }, seed: 'pending' };
  const update = (patch: Partial<LabStatus>): void => {
    status = { ...status, ...patch };
    opts.onStatus?.(status);
  };
  update({});
  // The lab's keys and secrets live here: its owner's alone.
  await mkdir(opts.dataDir, { recursive: true, mode: 0o700 });
  // Two labs on one data dir would start two servers on the same MariaDB files.
  const release = await claimLabDir(opts.dataDir);
  let credentials: LabCredentials;
  try {
    credentials = await loadOrCreateLabCredentials(opts.dataDir);
  } catch (err) {
    await release();
    update({ state: 'failed', message: (err as Error).message });
    throw err;
  }
  update({
    credentials: { accessKeyId: credentials.accessKeyId, file: labCredentialsPath(opts.dataDir) },
  });

  const secrets = createSecretsService({ dataDir: opts.dataDir, region });
  // Without MariaDB binaries the RDS part still answers: every action then says what is missing.
  let rds: RdsService | undefined;
  try {
    rds = await createRdsService({ dataDir: opts.dataDir, region, secrets: secrets.managed });
    secrets.setPasswordSetter(rds.setMasterPassword);
    const { engine, warnings } = rds.status();
    update({
      rds: engine.available ? { available: true } : { available: false, reason: engine.problem },
      ...(warnings.length ? { message: warnings.join(' ') } : {}),
    });
  } catch (err) {
    await release();
    update({ state: 'failed', message: (err as Error).message });
    throw err;
  }

  let dynamo: DynamoBackend | undefined;
  let edge: EdgeServer | undefined;
  try {
    dynamo = await createDynamoBackend({ dataDir: opts.dataDir, ...opts.dynamodb });
    update({
      dynamodb: {
        kind: dynamo.kind,
        capabilities: dynamo.capabilities,
        fallbackReason: dynamo.fallbackReason,
      },
    });
    const services: Record<string, ServiceHandler> = {
      secretsmanager: secrets.handler,
      sts: createStsHandler(),
      dynamodb: dynamo.handler,
    };
    services.rds = rds.handler;
    edge = await startEdgeServer({
      host: opts.host,
      port: opts.port ?? LAB_DEFAULT_PORT,
      services,
      credentials,
      admin: {
        fault: createFaultRoute({ rds: rds.faults, dynamo: dynamo.faults, secrets: secrets.faults }),
        status: async () => status,
      },
    });
  } catch (err) {
    await Promise.allSettled([dynamo?.stop(), rds?.shutdown()]);
    await release();
    update({ state: 'failed', message: (err as Error).message });
    throw err;
  }

  const endpoint = edge.url;
  update({ endpoint });
  const seeded =
    (opts.seed ?? 'course') === 'course'
      ? seed(opts.dataDir, { endpoint, region, credentials }, status.rds.available, update)
      : skip(update);

  return {
    endpoint,
    region,
    credentials,
    status: () => status,
    seeded,
    async stop() {
      await edge?.close();
      await Promise.allSettled([dynamo?.stop(), rds?.shutdown()]);
      await release();
      update({ state: 'stopped' });
    },
  };
}

async function skip(update: (p: Partial<LabStatus>) => void): Promise<void> {
  update({ state: 'ready', seed: 'skipped' });
}

/**
 * Seeds each part once per data dir: a user who deletes `myrdslab` later does not get it back on every
 * start, and RDS is still seeded on a later start once MariaDB has been installed.
 */
async function seed(
  dataDir: string,
  target: { endpoint: string; region: string; credentials: LabCredentials },
  withRds: boolean,
  update: (p: Partial<LabStatus>) => void,
): Promise<void> {
  update({ state: 'seeding' });
  const config = { ...target, maxAttempts: 3 };
  const rds = new RDSClient(config);
  const secrets = new SecretsManagerClient(config);
  const dynamo = new DynamoDBClient(config);
  const once = async (part: string, run: () => Promise<void>): Promise<void> => {
    const marker = join(dataDir, `seeded-course-${part}`);
    if (existsSync(marker)) return;
    await run();
    await writeFile(marker, `${new Date().toISOString()}\n`);
  };
  try {
    await Promise.all([
      withRds ? once('rds', () => seedCourseRds(rds, secrets)) : undefined,
      once('dynamodb', () => seedCourseDynamo(dynamo)),
    ]);
    update({ state: 'ready', seed: 'done' });
  } catch (err) {
    update({
      state: 'ready',
      seed: 'failed',
      message: `Seeding the course labs failed: ${(err as Error).message}`,
    });
  } finally {
    for (const client of [rds, secrets, dynamo]) client.destroy();
  }
}
