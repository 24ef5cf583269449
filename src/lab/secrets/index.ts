// Secrets Manager's public surface, for the lab's composition.
export { createSecretsService, type SecretsService, type SecretsServiceOptions } from './secrets-service';
export { secretsAdminRoutes } from './secrets-admin';
export type { ManagedSecrets, MasterPasswordSetter } from './managed-secrets';
