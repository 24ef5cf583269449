import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemorySecretStore } from '../../../src/main/profiles/secret-store';
import type { Lab, LabOptions } from '../../../src/lab/lab';
import { createServices, type Services } from '../../../src/main/services';
import type { LabStatus } from '../../../src/shared/models/lab';

/** Stands in for the embedded lab: reports its states at once, starts no server. */
export async function fakeStartLab(opts: LabOptions): Promise<Lab> {
  const status: LabStatus = {
    state: 'ready',
    region: 'us-east-1',
    rds: { available: false, reason: 'fake lab' },
    seed: 'skipped',
  };
  opts.onStatus?.(status);
  return {
    endpoint: 'http://127.0.0.1:1',
    region: 'us-east-1',
    credentials: { accessKeyId: 'lab', secretAccessKey: 'lab' },
    status: () => status,
    seeded: Promise.resolve(),
    stop: async () => undefined,
  };
}

/** The real composition root over a throwaway data directory. */
export async function tempServices(): Promise<{
  services: Services;
  dataDir: string;
  cleanup(): Promise<void>;
}> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rdx-data-'));
  const services = createServices({
    mode: 'browser',
    version: 'test',
    dataDir,
    secrets: createMemorySecretStore(),
    // `lab.start` over every transport must not start real MariaDB processes on port 4566.
    startLab: fakeStartLab,
  });
  return {
    services,
    dataDir,
    cleanup: async () => {
      await services.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// Port 1 on loopback: refused at once, so `connections.test` answers quickly with UNREACHABLE.
const PROFILE_FIELDS = {
  name: 'x',
  host: '127.0.0.1',
  port: 1,
  user: 'u',
  database: '',
  tls: false,
  color: 'blue',
  readOnly: false,
};

/** A valid request for every channel, so each transport can be shown to reach each handler. */
export const SAMPLE_REQUESTS: Record<string, unknown> = {
  'app.info': {},
  'profiles.list': {},
  'profiles.save': { fields: PROFILE_FIELDS },
  'profiles.delete': { id: 'missing' },
  'connections.test': { fields: PROFILE_FIELDS },
  'sql.open': { profileId: 'missing' },
  'sql.close': { sessionId: 'missing' },
  'sql.run': { sessionId: 'missing', sql: 'SELECT 1' },
  'lab.overview': {},
  'lab.start': {},
  'lab.stop': {},
  'aws.profiles': {},
  // Profiles no config file defines: each AWS channel answers NOT_FOUND without calling AWS.
  'aws.identity': { profile: 'rdx-missing-profile' },
  'aws.regions': {},
  'aws.answerMfa': { requestId: 'missing', code: '123456' },
  'rds.listInstances': { profile: 'rdx-missing-profile', regions: ['us-east-1'] },
  'rds.describeInstance': { profile: 'rdx-missing-profile', region: 'us-east-1', id: 'x' },
  'rds.createReadReplica': {
    profile: 'rdx-missing-profile',
    region: 'us-east-1',
    sourceId: 'x',
    id: 'x-replica',
    targetRegion: 'eu-west-1',
  },
  'rds.promoteReadReplica': { profile: 'rdx-missing-profile', region: 'us-east-1', id: 'x' },
  'rds.reboot': { profile: 'rdx-missing-profile', region: 'us-east-1', id: 'x', forceFailover: true },
  'rds.stop': { profile: 'rdx-missing-profile', region: 'us-east-1', id: 'x', snapshotId: 'x-before-stop' },
  'rds.start': { profile: 'rdx-missing-profile', region: 'us-east-1', id: 'x' },
  'rds.createSnapshot': {
    profile: 'rdx-missing-profile',
    region: 'us-east-1',
    id: 'x',
    snapshotId: 'x-snap',
  },
  'rds.delete': { profile: 'rdx-missing-profile', region: 'us-east-1', id: 'x', skipFinalSnapshot: true },
  'rds.connectionProfile': { profile: 'rdx-missing-profile', region: 'us-east-1', id: 'x' },
  'secrets.list': { profile: 'rdx-missing-profile', region: 'us-east-1' },
  'cloudwatch.instanceMetrics': { profile: 'rdx-missing-profile', region: 'us-east-1', id: 'x' },
};
