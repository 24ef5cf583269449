import { LabError } from '../lab-error';
import { jsonReply, parseJsonRequest, targetOperation } from '../edge/json-protocol';
import type { ServiceHandler } from '../edge/types';
import { deleteSecret, restoreSecret } from './delete-actions';
import { listSecrets } from './list-secrets';
import { getRandomPassword } from './random-password-action';
import { describeSecret, getSecretValue } from './read-actions';
import { rotateSecret } from './rotate-secret';
import type { SecretsAction, SecretsContext } from './secrets-context';
import { listSecretVersionIds, updateSecretVersionStage } from './version-actions';
import { createSecret, putSecretValue, updateSecret } from './write-actions';

const ACTIONS: Record<string, SecretsAction> = {
  CreateSecret: createSecret,
  GetSecretValue: getSecretValue,
  DescribeSecret: describeSecret,
  ListSecrets: listSecrets,
  PutSecretValue: putSecretValue,
  UpdateSecret: updateSecret,
  DeleteSecret: deleteSecret,
  RestoreSecret: restoreSecret,
  RotateSecret: rotateSecret,
  UpdateSecretVersionStage: updateSecretVersionStage,
  ListSecretVersionIds: listSecretVersionIds,
  GetRandomPassword: getRandomPassword,
};

/**
 * Secrets Manager over AWS JSON 1.1 (`X-Amz-Target: secretsmanager.<Action>`). Failures are thrown as
 * LabErrors; the edge renders them as `{"__type": code, "message": …}` with their HTTP status.
 */
export function createSecretsHandler(ctx: SecretsContext): ServiceHandler {
  return async (req) => {
    const operation = targetOperation(req, 'secretsmanager');
    const action = Object.hasOwn(ACTIONS, operation) ? ACTIONS[operation] : undefined;
    if (!action) {
      throw new LabError(
        'UnknownOperationException',
        `The local lab's Secrets Manager does not implement ${operation}. It implements: ${Object.keys(ACTIONS).join(', ')}.`,
      );
    }
    return jsonReply(req, await action(ctx, parseJsonRequest(req)));
  };
}
