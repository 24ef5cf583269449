import { RDSClient } from '@aws-sdk/client-rds';
import { afterAll, beforeAll } from 'vitest';
import { startEdgeServer, type EdgeServer } from '../../src/lab/edge/edge-server';
import type { ServiceHandler } from '../../src/lab/edge/types';
import { newLabCredentials, type LabCredentials } from '../../src/lab/lab-credentials';
import { createRdsService, type RdsService } from '../../src/lab/rds/rds-service';
import { testCacheDir } from './cache-dir';
import { MemorySecrets } from './lab-rds-fakes';
import { Timings } from './lab-rds-timings';
import { makeTempDir, type TempDir } from './temp-dir';

export const REGION = 'us-east-1';

/** One lab RDS service on its own data dir, behind the lab's real edge, driven by the real SDK client. */
export interface RdsLab {
  rds: RDSClient;
  /** The edge's URL, for requests the SDK would never send. */
  url: string;
  /** The keys the edge accepts. */
  credentials: LabCredentials;
  dir: TempDir;
  secrets: MemorySecrets;
  /** The service the edge routes `rds` to now; `restart` replaces it. */
  readonly service: RdsService;
  /** Starts a new service on the same data dir (shut the current one down first) and routes to it. */
  restart(): Promise<RdsService>;
  close(): Promise<void>;
}

export async function startRdsLab(label: string): Promise<RdsLab> {
  const dir = await makeTempDir(label);
  const secrets = new MemorySecrets(REGION);
  // The edge looks its services up per request, so a restarted service is served on the same URL.
  const services: Partial<Record<string, ServiceHandler>> = {};
  const open = async (): Promise<RdsService> => {
    const started = await createRdsService({
      dataDir: dir.path,
      region: REGION,
      secrets,
      templateDir: testCacheDir('mariadb-template'),
    });
    services.rds = started.handler;
    return started;
  };
  let service: RdsService;
  let edge: EdgeServer;
  const credentials = newLabCredentials();
  try {
    service = await open();
  } catch (error) {
    await dir.remove();
    throw error;
  }
  try {
    edge = await startEdgeServer({ port: 0, services, admin: {}, credentials });
  } catch (error) {
    await service.shutdown();
    await dir.remove();
    throw error;
  }
  const rds = new RDSClient({
    endpoint: edge.url,
    region: REGION,
    credentials,
    maxAttempts: 1,
  });
  return {
    rds,
    url: edge.url,
    credentials,
    dir,
    secrets,
    get service() {
      return service;
    },
    restart: async () => (service = await open()),
    close: async () => {
      rds.destroy();
      await service.shutdown();
      await edge.close();
      await dir.remove();
    },
  };
}

/**
 * The calling test file's lab: started in a beforeAll, which then runs `ready` with it (to keep its client
 * and seed instances), and closed in an afterAll that logs the file's timings. Returns those timings.
 */
export function useRdsLab(label: string, ready: (lab: RdsLab) => Promise<void> | void): Timings {
  const timings = new Timings(label);
  let lab: RdsLab | undefined;
  beforeAll(async () => {
    lab = await startRdsLab(label);
    await ready(lab);
  });
  afterAll(async () => {
    await lab?.close();
    timings.log();
  });
  return timings;
}
