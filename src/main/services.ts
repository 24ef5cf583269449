import { join } from 'node:path';
import { startLab, type Lab, type LabOptions } from '../lab/lab';
import { LAB_DEFAULT_PORT } from '../shared/models/lab';
import type { AppMode } from '../shared/models/app';
import type { Handlers } from '../shared/rpc';
import { createAwsServices } from './aws/aws-services';
import { DbConnector } from './connect/db-connector';
import { createProfileConnector } from './connect/profile-connector';
import { createDynamoService } from './dynamo/create-dynamo-service';
import { DynamoTransfers } from './dynamo/transfer-files';
import { createEventHub, type EventHub } from './events';
import { appHandlers } from './handlers/app';
import { awsHandlers } from './handlers/aws';
import { cloudwatchHandlers } from './handlers/cloudwatch';
import { connectionHandlers } from './handlers/connections';
import { dynamoHandlers } from './handlers/dynamo';
import { dynamoTransferHandlers } from './handlers/dynamo-transfer';
import { labHandlers } from './handlers/lab';
import { profileHandlers } from './handlers/profiles';
import { rdsHandlers } from './handlers/rds';
import { rdsActionHandlers } from './handlers/rds-actions';
import { rdsConnectHandlers } from './handlers/rds-connect';
import { replicationHandlers } from './handlers/replication';
import { schemaHandlers } from './handlers/schema';
import { sqlHandlers } from './handlers/sql';
import { sqlEditHandlers } from './handlers/sql-edit';
import { sqlExplainHandlers } from './handlers/sql-explain';
import { sqlExportHandlers } from './handlers/sql-export';
import { sqlHistoryHandlers } from './handlers/sql-history';
import { labAutoStartDecision } from './lab/auto-start';
import { LabService } from './lab/lab-service';
import { SqlSessionManager } from './mysql/session-manager';
import type { ChooseSavePath } from './files/save-dialog';
import { ExportService } from './mysql/export-service';
import { createAppFiles } from './files/app-files';
import type { DownloadRegistry } from './files/download-registry';
import { ImportService } from './mysql/import-service';
import { ProfileService } from './profiles/profile-service';
import { ProfileStore } from './profiles/profile-store';
import { HeartbeatConsent } from './replication/heartbeat-consent';
import { rdsTopologyReader } from './replication/rds-topology';
import { ReplicationService } from './replication/replication-service';
import { SchemaService } from './schema/schema-service';
import type { SecretStore } from './profiles/secret-store';
import { HistoryStore } from './sql-history/history-store';
import { recordSqlHistory } from './sql-history/record-history';
import { SavedQueryStore } from './sql-history/saved-query-store';

export const APP_NAME = 'RDS & DynamoDB Explorer';

export interface ServicesOptions {
  mode: AppMode;
  version: string;
  dataDir: string;
  secrets: SecretStore;
  /** The embedded lab's starter; tests pass a fake so no MariaDB is started behind their back. */
  startLab?: (opts: LabOptions) => Promise<Lab>;
  /** `RDX_LAB_PORT` or 4566; 0 picks a free port. */
  labPort?: number;
  /** Electron's save dialog for exports; without it (browser mode) an export becomes a download. */
  chooseSavePath?: ChooseSavePath;
}

export interface Services {
  handlers: Handlers;
  events: EventHub;
  /** Finished browser-mode exports, served once by the browser server. */
  downloads: DownloadRegistry;
  /** Starts the lab at launch when the user has nothing else to explore. */
  autoStartLab(): Promise<void>;
  dispose(): Promise<void>;
}

/** The composition root: every service built once, wired into the handler map both transports serve. */
export function createServices(opts: ServicesOptions): Services {
  const events = createEventHub();
  const profiles = new ProfileService(new ProfileStore({ dataDir: opts.dataDir }), opts.secrets);
  const history = new HistoryStore({ dataDir: opts.dataDir });
  // Every statement a session runs lands in its connection's history.
  const sessions = new SqlSessionManager(events, { observer: recordSqlHistory(history) });
  const savedQueries = new SavedQueryStore({ dataDir: opts.dataDir });
  const lab = new LabService({
    dataDir: join(opts.dataDir, 'lab'),
    port: opts.labPort ?? LAB_DEFAULT_PORT,
    startLab: opts.startLab ?? startLab,
    events,
  });
  const aws = createAwsServices({ events, lab });
  const connector = new DbConnector({ aws: aws.clients });
  // Every connection for a saved profile goes through this one seam (an edited, unsaved profile's
  // connection test uses the connector directly).
  const profileConnector = createProfileConnector(profiles, connector);
  const dynamo = createDynamoService({ aws, events, dataDir: opts.dataDir });
  const schema = new SchemaService({ connector: profileConnector });
  const replication = new ReplicationService({
    profiles,
    connector: profileConnector,
    rds: rdsTopologyReader(aws.clients),
    events,
    consent: new HeartbeatConsent(opts.dataDir),
  });
  const info = {
    name: APP_NAME,
    version: opts.version,
    mode: opts.mode,
    secretStorage: opts.secrets.kind,
    dataDir: opts.dataDir,
  };
  const files = createAppFiles(opts.dataDir);
  // Table editing, EXPLAIN, export and import each open a short-lived connection of their own.
  const exports = new ExportService({
    connect: profileConnector,
    events,
    // A stored result is read back the way the grid reads it, a window at a time.
    readResult: (resultId, offset, limit) => sessions.results.rowsWindow(resultId, offset, limit),
    // Without Electron's save dialog (browser mode) an export becomes a one-time download.
    destination: opts.chooseSavePath
      ? { kind: 'dialog', chooseSavePath: opts.chooseSavePath }
      : { kind: 'download', folders: files.folders, downloads: files.downloads },
  });
  const imports = new ImportService({ connect: profileConnector, events });
  const dynamoTransfers = new DynamoTransfers({
    service: dynamo.service,
    events,
    folders: files.folders,
    downloads: files.downloads,
    chooseSavePath: opts.chooseSavePath,
  });
  const handlers: Handlers = {
    ...appHandlers(info),
    ...profileHandlers(profiles, opts.secrets),
    ...connectionHandlers(profiles, connector),
    ...sqlHandlers(sessions, profileConnector),
    ...sqlHistoryHandlers(history, savedQueries),
    ...schemaHandlers(schema),
    ...labHandlers(lab),
    ...awsHandlers(aws),
    ...rdsHandlers(aws),
    ...rdsActionHandlers(aws),
    ...rdsConnectHandlers(aws, profiles),
    ...cloudwatchHandlers(aws),
    ...replicationHandlers(replication),
    ...sqlEditHandlers(profileConnector),
    ...sqlExplainHandlers(profileConnector),
    ...sqlExportHandlers(exports, imports),
    ...dynamoHandlers(dynamo.service),
    ...dynamoTransferHandlers(dynamoTransfers),
  };
  return {
    handlers,
    events,
    downloads: files.downloads,
    async autoStartLab() {
      const { profiles: saved } = await profiles.list();
      const decision = labAutoStartDecision(saved.length);
      lab.decideAutoStart(decision.start, decision.reason);
    },
    dispose: async () => {
      dynamo.dispose();
      connector.dispose();
      aws.dispose();
      exports.dispose();
      imports.dispose();
      await Promise.allSettled([
        sessions.closeAll(),
        replication.closeAll(),
        history.flush(),
        schema.dispose(),
        dynamoTransfers.dispose(),
        lab.stop(),
      ]);
      // After the services above: their last jobs' folders are gone before the rest are swept.
      await files.downloads.dispose();
      await files.folders.dispose();
    },
  };
}

export function labPortFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const port = env.RDX_LAB_PORT === undefined ? undefined : Number(env.RDX_LAB_PORT);
  return port !== undefined && Number.isInteger(port) && port >= 0 && port <= 65535 ? port : undefined;
}
