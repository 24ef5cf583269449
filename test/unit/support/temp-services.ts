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

const DYNAMO_REF = { profile: 'rdx-missing-profile', region: 'us-east-1' };
const DYNAMO_TABLE = { ...DYNAMO_REF, table: 'Users' };
const DYNAMO_SCAN = { mode: 'scan', table: 'Users', limit: 10 };
const DYNAMO_SAMPLES: Record<string, unknown> = {
  'dynamo.endpoint': DYNAMO_REF,
  'dynamo.listTables': { profile: 'rdx-missing-profile', regions: ['us-east-1'] },
  'dynamo.describeTable': DYNAMO_TABLE,
  'dynamo.tableCode': DYNAMO_TABLE,
  'dynamo.createTable': {
    ...DYNAMO_REF,
    definition: { table: 'Users', partitionKey: { name: 'id', type: 'S' }, billingMode: 'PAY_PER_REQUEST' },
  },
  'dynamo.deleteTable': { ...DYNAMO_TABLE, confirmName: 'Users' },
  'dynamo.updateTtl': { ...DYNAMO_TABLE, enabled: true, attribute: 'expiresAt' },
  'dynamo.updateStream': { ...DYNAMO_TABLE, enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
  'dynamo.read': { ...DYNAMO_REF, request: DYNAMO_SCAN },
  'dynamo.fetchAll': { ...DYNAMO_REF, request: DYNAMO_SCAN, segments: 2 },
  'dynamo.cancelJob': { jobId: 'missing' },
  'dynamo.getItem': { ...DYNAMO_TABLE, key: { id: { S: '1' } } },
  'dynamo.putItem': { ...DYNAMO_TABLE, item: { id: { S: '1' } }, expected: null, keyNames: ['id'] },
  'dynamo.deleteItem': { ...DYNAMO_TABLE, key: { id: { S: '1' } } },
  'dynamo.deleteItems': { ...DYNAMO_TABLE, keys: [{ id: { S: '1' } }] },
  'dynamo.transactWrite': {
    ...DYNAMO_REF,
    changes: [{ kind: 'delete', table: 'Users', key: { id: { S: '1' } } }],
  },
  'dynamo.partiql': { ...DYNAMO_REF, statement: 'SELECT * FROM "Users"' },
  'dynamo.partiqlBatch': { ...DYNAMO_REF, statements: [{ statement: 'SELECT * FROM "Users"' }] },
  'dynamo.prices': {},
  'dynamo.savePrices': { prices: null },
  'dynamo.startStream': DYNAMO_TABLE,
  'dynamo.stopStream': { tailId: 'missing' },
  'dynamo.exportFile': { ...DYNAMO_REF, request: DYNAMO_SCAN, format: 'csv' },
  'dynamo.exportDownload': { jobId: 'missing' },
  'dynamo.importText': { ...DYNAMO_TABLE, format: 'jsonl', text: '{"id": "1"}' },
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
  'sql.run': { sessionId: 'missing', sql: 'SELECT 1', resultId: 'r-1' },
  'sql.rows': { resultId: 'missing', offset: 0, limit: 100, sort: [{ column: 0, desc: true }], filter: 'x' },
  'sql.closeResults': { resultIds: ['missing'] },
  'sql.cancel': { sessionId: 'missing' },
  'sql.setAutocommit': { sessionId: 'missing', autocommit: false },
  'sql.commit': { sessionId: 'missing' },
  'sql.rollback': { sessionId: 'missing' },
  'sql.history.list': { profileId: 'missing', search: 'select' },
  'sql.history.clear': { profileId: 'missing' },
  'sql.saved.list': { profileId: 'missing' },
  'sql.saved.save': { name: 'x', sql: 'SELECT 1', profileId: null },
  'sql.saved.delete': { id: 'missing' },
  'schema.databases': { profileId: 'missing' },
  'schema.objects': { profileId: 'missing', database: 'demo' },
  'schema.table': { profileId: 'missing', database: 'demo', table: 'users' },
  'schema.ddl': { profileId: 'missing', database: 'demo', name: 'users', kind: 'table' },
  'schema.catalog': { profileId: 'missing', database: 'demo' },
  'schema.refresh': { profileId: 'missing' },
  'sql.tableInfo': { profileId: 'missing', database: 'demo', table: 'users' },
  'sql.tableRows': { profileId: 'missing', database: 'demo', table: 'users', offset: 0, limit: 100 },
  'sql.previewEdits': {
    profileId: 'missing',
    database: 'demo',
    table: 'users',
    edits: [{ kind: 'update', original: { id: 1, name: 'a' }, changes: { name: null } }],
  },
  'sql.applyEdits': {
    profileId: 'missing',
    database: 'demo',
    table: 'users',
    edits: [{ kind: 'insert', values: {} }],
  },
  'sql.explain': { profileId: 'missing', database: 'demo', sql: 'SELECT 1', analyze: true },
  'sql.export': {
    source: { kind: 'table', profileId: 'missing', database: 'demo', table: 'users' },
    format: 'csv',
  },
  'sql.cancelExport': { exportId: 'missing' },
  'sql.importPreview': {
    profileId: 'missing',
    database: 'demo',
    table: 'users',
    text: 'id,name\n1,a\n',
    header: true,
    delimiter: 'auto',
  },
  'sql.importCsv': {
    profileId: 'missing',
    database: 'demo',
    table: 'users',
    text: 'id,name\n1,a\n',
    header: true,
    delimiter: ',',
    mapping: ['id', 'name'],
    confirmed: false,
  },
  'sql.cancelImport': { importId: 'missing' },
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
  // DynamoDB: the missing profile answers NOT_FOUND before any call; the rest touch no endpoint.
  ...DYNAMO_SAMPLES,
  // No monitor or profile by these ids: each answers NOT_FOUND without touching a server.
  'replication.open': { profileId: 'missing' },
  'replication.refresh': { monitorId: 'missing' },
  'replication.close': { monitorId: 'missing' },
  'replication.attachPeer': { monitorId: 'missing', nodeKey: 'sid:2', profileId: 'missing' },
  'replication.approvePeer': { monitorId: 'missing', nodeKey: 'sid:2', profileId: 'missing' },
  'replication.approvals': {},
  'replication.revokeApproval': { profileId: 'missing', host: 'db.example.com', port: 3306 },
  'replication.configure': { monitorId: 'missing', lagThresholdSeconds: 3 },
  'replication.tables': { monitorId: 'missing' },
  'replication.startCheck': { monitorId: 'missing', tables: ['demo.users'] },
  'replication.cancelCheck': { checkId: 'missing' },
};
