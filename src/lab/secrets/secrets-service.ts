import type { SecretFaults } from '../faults';
import type { ServiceHandler } from '../edge/types';
import { createManagedRdsSecrets } from './managed-rds-secrets';
import type { ManagedSecrets, MasterPasswordSetter } from './managed-secrets';
import { rotate } from './rotate-secret';
import { SecretStore } from './secret-store';
import type { SecretsContext } from './secrets-context';
import { createSecretsHandler } from './secrets-handler';

export interface SecretsServiceOptions {
  /** The lab's data dir; secrets live in `<dataDir>/secrets/secrets.json`. */
  dataDir: string;
  region: string;
  now?: () => Date;
  /** The RDS emulation's password setter, if it already exists; otherwise `setPasswordSetter` later. */
  passwordSetter?: MasterPasswordSetter;
  /** Where to report a data file that could not be read (it is moved aside); never given values. */
  warn?: (message: string) => void;
}

export interface SecretsService {
  handler: ServiceHandler;
  managed: ManagedSecrets;
  faults: SecretFaults;
  setPasswordSetter(setter: MasterPasswordSetter): void;
}

/** The lab's Secrets Manager: the edge handler, the RDS-facing API and the rotate-now fault. */
export function createSecretsService(opts: SecretsServiceOptions): SecretsService {
  const now = opts.now ?? (() => new Date());
  let setter = opts.passwordSetter;
  const ctx: SecretsContext = {
    store: new SecretStore({
      dataDir: opts.dataDir,
      now,
      warn: opts.warn ?? ((message) => process.emitWarning(message)),
    }),
    region: opts.region,
    now,
    passwordSetter: () => setter,
  };
  return {
    handler: createSecretsHandler(ctx),
    managed: createManagedRdsSecrets(ctx),
    faults: {
      async rotateNow(secretId) {
        await rotate(ctx, secretId, {});
      },
    },
    setPasswordSetter(next) {
      setter = next;
    },
  };
}
