import type { EventHub } from '../events';
import { AwsClientFactory } from './client-factory';
import type { LabTarget } from './client-config';
import type { AwsConfigPaths } from './config-paths';
import { CredentialResolver } from './credential-resolver';
import { MfaPrompter } from './mfa-prompter';
import { AwsProfileCatalog } from './profile-catalog';

export interface AwsServicesOptions {
  events: Pick<EventHub, 'emit'>;
  lab: { awsTarget(): LabTarget | undefined };
  env?: NodeJS.ProcessEnv;
  paths?: AwsConfigPaths;
  mfaTimeoutMs?: number;
}

export interface AwsServices {
  catalog: AwsProfileCatalog;
  mfa: MfaPrompter;
  clients: AwsClientFactory;
  dispose(): void;
}

/** The AWS side of the composition root: profiles, MFA prompts, credentials and SDK clients. */
export function createAwsServices(opts: AwsServicesOptions): AwsServices {
  const catalog = new AwsProfileCatalog({ lab: opts.lab, env: opts.env, paths: opts.paths });
  const mfa = new MfaPrompter({ events: opts.events, timeoutMs: opts.mfaTimeoutMs });
  const credentials = new CredentialResolver({ mfaCode: (profile, serial) => mfa.ask(profile, serial) });
  const clients = new AwsClientFactory({ catalog, credentials });
  return {
    catalog,
    mfa,
    clients,
    dispose() {
      mfa.cancelAll();
      clients.dispose();
    },
  };
}
