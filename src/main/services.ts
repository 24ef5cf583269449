import { join } from 'node:path';
import { startLab, type Lab, type LabOptions } from '../lab/lab';
import { LAB_DEFAULT_PORT } from '../lab/lab-status';
import type { AppMode } from '../shared/models/app';
import type { Handlers } from '../shared/rpc';
import { createAwsServices } from './aws/aws-services';
import { DbConnector } from './connect/db-connector';
import { createEventHub, type EventHub } from './events';
import { appHandlers } from './handlers/app';
import { awsHandlers } from './handlers/aws';
import { cloudwatchHandlers } from './handlers/cloudwatch';
import { connectionHandlers } from './handlers/connections';
import { labHandlers } from './handlers/lab';
import { profileHandlers } from './handlers/profiles';
import { rdsHandlers } from './handlers/rds';
import { rdsActionHandlers } from './handlers/rds-actions';
import { rdsConnectHandlers } from './handlers/rds-connect';
import { sqlHandlers } from './handlers/sql';
import { labAutoStartDecision } from './lab/auto-start';
import { LabService } from './lab/lab-service';
import { SqlSessionManager } from './mysql/session-manager';
import { ProfileService } from './profiles/profile-service';
import { ProfileStore } from './profiles/profile-store';
import type { SecretStore } from './profiles/secret-store';

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
}

export interface Services {
  handlers: Handlers;
  events: EventHub;
  /** Starts the lab at launch when the user has nothing else to explore. */
  autoStartLab(): Promise<void>;
  dispose(): Promise<void>;
}

/** The composition root: every service built once, wired into the handler map both transports serve. */
export function createServices(opts: ServicesOptions): Services {
  const events = createEventHub();
  const profiles = new ProfileService(new ProfileStore({ dataDir: opts.dataDir }), opts.secrets);
  const sessions = new SqlSessionManager(events);
  const lab = new LabService({
    dataDir: join(opts.dataDir, 'lab'),
    port: opts.labPort ?? LAB_DEFAULT_PORT,
    startLab: opts.startLab ?? startLab,
    events,
  });
  const aws = createAwsServices({ events, lab });
  const connector = new DbConnector({ aws: aws.clients });
  const info = {
    name: APP_NAME,
    version: opts.version,
    mode: opts.mode,
    secretStorage: opts.secrets.kind,
    dataDir: opts.dataDir,
  };
  const handlers: Handlers = {
    ...appHandlers(info),
    ...profileHandlers(profiles),
    ...connectionHandlers(profiles, connector),
    ...sqlHandlers(profiles, sessions, connector),
    ...labHandlers(lab),
    ...awsHandlers(aws),
    ...rdsHandlers(aws),
    ...rdsActionHandlers(aws),
    ...rdsConnectHandlers(aws, profiles),
    ...cloudwatchHandlers(aws),
  };
  return {
    handlers,
    events,
    async autoStartLab() {
      const { profiles: saved } = await profiles.list();
      const decision = labAutoStartDecision(saved.length);
      lab.decideAutoStart(decision.start, decision.reason);
    },
    dispose: async () => {
      connector.dispose();
      aws.dispose();
      await Promise.allSettled([sessions.closeAll(), lab.stop()]);
    },
  };
}

export function labPortFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const port = env.RDX_LAB_PORT === undefined ? undefined : Number(env.RDX_LAB_PORT);
  return port !== undefined && Number.isInteger(port) && port >= 0 && port <= 65535 ? port : undefined;
}
