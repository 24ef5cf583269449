import { randomUUID } from 'node:crypto';
import { LabError } from '../lab-error';
import type { ManagedSecrets } from './managed-secrets';
import { findSecret, newSecretArn } from './secret-lookup';
import type { StoredSecret } from './secret-model';
import type { SecretsContext } from './secrets-context';
import { addVersion, AWSCURRENT, findVersion } from './version-stages';

// What RDS sets on the secrets it manages (`ManageMasterUserPassword`): the name, the tags, the owning
// service, and rotation every 7 days.
const RDS_ROTATION_DAYS = 7;

/** The Secrets Manager side of RDS's `ManageMasterUserPassword`, for the RDS emulation. */
export function createManagedRdsSecrets(ctx: SecretsContext): ManagedSecrets {
  return {
    async createRdsMasterSecret({ instanceId, instanceArn, username, password }) {
      const stamp = ctx.now().toISOString();
      const name = `rds!db-${randomUUID()}`;
      const secret: StoredSecret = {
        arn: newSecretArn(ctx.region, name),
        name,
        description: `Secret associated with primary RDS DB instance: ${instanceArn}`,
        tags: [
          { Key: 'aws:rds:primaryDBInstanceArn', Value: instanceArn },
          { Key: 'aws:secretsmanager:owningService', Value: 'rds' },
        ],
        createdAt: stamp,
        lastChangedAt: stamp,
        rotation: { enabled: true, automaticallyAfterDays: RDS_ROTATION_DAYS },
        owningService: 'rds',
        rdsInstanceId: instanceId,
        versions: [],
      };
      addVersion(
        secret,
        randomUUID(),
        { secretString: JSON.stringify({ username, password }) },
        [AWSCURRENT],
        stamp,
      );
      await ctx.store.update((secrets) => {
        secrets.push(secret);
      });
      return { arn: secret.arn };
    },

    async currentPassword(arn) {
      return ctx.store.read((secrets) => {
        const secret = findSecret(secrets, arn);
        if (!secret) {
          throw new LabError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
        }
        const value: unknown = JSON.parse(findVersion(secret, undefined, AWSCURRENT).secretString ?? '{}');
        const password =
          typeof value === 'object' && value !== null ? Reflect.get(value, 'password') : undefined;
        if (typeof password !== 'string') {
          throw new LabError('InternalServiceError', `Secret ${secret.name} holds no password.`, 500);
        }
        return password;
      });
    },

    /** RDS removes its secret at once (instance deleted, or managed password turned off). */
    async deleteSecret(arn) {
      await ctx.store.update((secrets) => {
        const secret = findSecret(secrets, arn);
        if (secret) secrets.splice(secrets.indexOf(secret), 1);
      });
    },
  };
}
