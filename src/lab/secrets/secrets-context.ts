import type { MasterPasswordSetter } from './managed-secrets';
import type { SecretStore } from './secret-store';

/** What every Secrets Manager action works with. */
export interface SecretsContext {
  store: SecretStore;
  /** The lab's region: in every ARN and as PrimaryRegion. */
  region: string;
  now: () => Date;
  /** Set by the RDS emulation once it runs; rotation of RDS master secrets needs it. */
  passwordSetter: () => MasterPasswordSetter | undefined;
}

/** One action: the parsed JSON request in, the JSON response out; failures are thrown LabErrors. */
export type SecretsAction = (ctx: SecretsContext, input: Record<string, unknown>) => Promise<unknown>;
