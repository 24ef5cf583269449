import type { AppMode } from '../shared/models/app';
import type { Handlers } from '../shared/rpc';
import { createEventHub, type EventHub } from './events';
import { appHandlers } from './handlers/app';
import { connectionHandlers } from './handlers/connections';
import { profileHandlers } from './handlers/profiles';
import { sqlHandlers } from './handlers/sql';
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
}

export interface Services {
  handlers: Handlers;
  events: EventHub;
  dispose(): Promise<void>;
}

/** The composition root: every service built once, wired into the handler map both transports serve. */
export function createServices(opts: ServicesOptions): Services {
  const events = createEventHub();
  const profiles = new ProfileService(new ProfileStore({ dataDir: opts.dataDir }), opts.secrets);
  const sessions = new SqlSessionManager(events);
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
    ...connectionHandlers(profiles),
    ...sqlHandlers(profiles, sessions),
  };
  return { handlers, events, dispose: () => sessions.closeAll() };
}
