import { LabError } from '../lab-error';
import { pageOf } from './paging';
import { parseInput } from './request-validation';
import { listVersionIdsInput, updateVersionStageInput } from './request-schemas';
import { refuseManaged, requireActive, requireSecret } from './secret-lookup';
import { epochSeconds } from './secret-views';
import type { SecretsAction } from './secrets-context';
import { attachStage, AWSCURRENT, detachStage } from './version-stages';

/** UpdateSecretVersionStage: moves a staging label by hand (how AWS lets you roll back a value). */
export const updateSecretVersionStage: SecretsAction = async (ctx, raw) => {
  const input = parseInput(updateVersionStageInput, raw);
  return ctx.store.update((secrets) => {
    const secret = requireActive(requireSecret(secrets, input.SecretId));
    refuseManaged(secret);
    const stage = input.VersionStage;
    const holder = secret.versions.find((version) => version.stages.includes(stage));
    if (input.MoveToVersionId !== undefined) {
      if (
        holder &&
        holder.versionId !== input.MoveToVersionId &&
        holder.versionId !== input.RemoveFromVersionId
      ) {
        throw new LabError(
          'InvalidParameterException',
          `The staging label ${stage} is currently attached to version ${holder.versionId}, so you must ` +
            'explicitly reference that version in RemoveFromVersionId.',
        );
      }
      attachStage(secret, stage, input.MoveToVersionId);
    } else if (input.RemoveFromVersionId !== undefined) {
      if (stage === AWSCURRENT) {
        throw new LabError(
          'InvalidParameterException',
          `You can't remove the staging label ${AWSCURRENT}; move it to another version with MoveToVersionId.`,
        );
      }
      detachStage(secret, stage, input.RemoveFromVersionId);
    }
    secret.lastChangedAt = ctx.now().toISOString();
    return { ARN: secret.arn, Name: secret.name };
  });
};

/** ListSecretVersionIds: labeled versions, and deprecated (unlabeled) ones with IncludeDeprecated. */
export const listSecretVersionIds: SecretsAction = async (ctx, raw) => {
  const input = parseInput(listVersionIdsInput, raw);
  return ctx.store.read((secrets) => {
    const secret = requireActive(requireSecret(secrets, input.SecretId));
    const versions = secret.versions.filter(
      (version) => input.IncludeDeprecated === true || version.stages.length > 0,
    );
    const page = pageOf(versions, (version) => [version.createdAt, version.versionId], {
      maxResults: input.MaxResults ?? 100,
      nextToken: input.NextToken,
      descending: true,
    });
    return {
      ARN: secret.arn,
      Name: secret.name,
      NextToken: page.nextToken,
      Versions: page.items.map((version) => ({
        VersionId: version.versionId,
        VersionStages: [...version.stages],
        CreatedDate: epochSeconds(version.createdAt),
      })),
    };
  });
};
