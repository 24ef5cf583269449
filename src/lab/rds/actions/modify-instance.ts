import { transition, type Action, type ActionContext } from '../action-context';
import { invalidParameterCombination, invalidParameterValue } from '../errors';
import { generatePassword } from '../instance-factory';
import { instanceXml } from '../instance-view';
import type { InstanceRecord, InstanceStatus, PendingValues } from '../model';
import type { QueryParams } from '../query-params';
import * as validate from '../validate';
import { instanceParam, requireAvailable } from './lookup';
import { setMultiAz } from './pending';

interface Step {
  status: InstanceStatus;
  message: string;
  run: () => Promise<void>;
}

/**
 * ModifyDBInstance: settings without an outage apply at once; the master password is changed on the
 * real server (`resetting-master-credentials`); Multi-AZ and the instance class apply now with
 * ApplyImmediately (`modifying`), otherwise they wait in PendingModifiedValues for the next reboot.
 */
export const modifyDBInstance: Action = async (params, ctx) => {
  const instance = instanceParam(params, ctx);
  if (params.string('NewDBInstanceIdentifier') !== undefined) {
    throw invalidParameterValue('The local lab cannot rename DB instances (NewDBInstanceIdentifier).');
  }
  requireAvailable(instance);
  const apply = params.bool('ApplyImmediately') ?? false;
  // Everything is validated before anything changes; the secret is created last, as nothing can fail after it.
  const applySimple = simpleSettings(params, instance);
  const outage = outageSteps(params, ctx, instance, apply);
  const steps = [...(await passwordSteps(params, ctx, instance)), ...outage.steps];
  applySimple();
  Object.assign(instance.pending, outage.pending);
  const [first] = steps;
  if (first === undefined) {
    await ctx.state.save();
    return { DBInstance: instanceXml(instance, ctx.state, ctx.now()) };
  }
  await transition(
    ctx,
    instance,
    {
      during: steps.some((step) => step.status === 'modifying') ? 'modifying' : first.status,
      done: 'available',
      doneMessage: steps.map((step) => step.message).join('; '),
      categories: ['configuration change'],
    },
    async () => {
      for (const step of steps) await step.run();
    },
  );
  return { DBInstance: instanceXml(instance, ctx.state, ctx.now()) };
};

async function passwordSteps(
  params: QueryParams,
  ctx: ActionContext,
  instance: InstanceRecord,
): Promise<Step[]> {
  const raw = params.string('MasterUserPassword');
  const password = raw === undefined ? undefined : validate.masterPassword(raw);
  const manage = params.bool('ManageMasterUserPassword');
  const managed = instance.masterUserSecretArn !== undefined;
  if (manage === true && password !== undefined) {
    throw invalidParameterCombination(
      "You can't specify MasterUserPassword and ManageMasterUserPassword together.",
    );
  }
  if (managed && password !== undefined && manage !== false) {
    throw invalidParameterCombination(
      'The master password of this DB instance is managed in Secrets Manager; rotate the secret, or turn ManageMasterUserPassword off with a new MasterUserPassword.',
    );
  }
  if (managed && manage === false && password === undefined) {
    throw invalidParameterCombination(
      'MasterUserPassword is required when ManageMasterUserPassword is turned off.',
    );
  }
  const reset = (value: string, message: string, after?: () => Promise<void>): Step => ({
    status: 'resetting-master-credentials',
    message,
    run: async () => {
      await ctx.workflows.setMasterPassword(instance, value);
      await after?.();
    },
  });
  if (manage === true && !managed) {
    const generated = generatePassword();
    const { arn } = await ctx.secrets.createRdsMasterSecret({
      instanceId: instance.id,
      instanceArn: ctx.state.instanceArn(instance.id),
      username: instance.masterUsername,
      password: generated,
    });
    instance.masterUserSecretArn = arn;
    return [reset(generated, 'Master user password is now managed in Secrets Manager')];
  }
  if (password === undefined) return [];
  const secretArn = instance.masterUserSecretArn;
  const dropSecret =
    manage === false && secretArn !== undefined
      ? async () => {
          instance.masterUserSecretArn = undefined;
          await ctx.secrets.deleteSecret(secretArn);
        }
      : undefined;
  return [reset(password, 'Reset master credentials', dropSecret)];
}

function outageSteps(
  params: QueryParams,
  ctx: ActionContext,
  instance: InstanceRecord,
  apply: boolean,
): { steps: Step[]; pending: PendingValues } {
  const steps: Step[] = [];
  const pending: PendingValues = {};
  const multiAz = params.bool('MultiAZ');
  if (multiAz !== undefined && multiAz !== instance.multiAz) {
    if (!apply) pending.multiAz = multiAz;
    else {
      steps.push({
        status: 'modifying',
        message: `Finished applying modification to convert to a ${multiAz ? 'Multi-AZ' : 'Single-AZ'} DB Instance`,
        run: () => setMultiAz(ctx, instance, multiAz),
      });
    }
  }
  const rawClass = params.string('DBInstanceClass');
  const instanceClass = rawClass === undefined ? undefined : validate.instanceClass(rawClass);
  if (instanceClass !== undefined && instanceClass !== instance.instanceClass) {
    if (!apply) pending.instanceClass = instanceClass;
    else {
      steps.push({
        status: 'modifying',
        message: `Finished applying modification to DB instance class: ${instanceClass}`,
        run: async () => {
          // A new instance class means a restart on RDS; the lab's restart is the real one.
          await ctx.workflows.reboot(instance);
          instance.instanceClass = instanceClass;
        },
      });
    }
  }
  return { steps, pending };
}

/** Validates the settings that apply without an outage and returns what applies them. */
function simpleSettings(params: QueryParams, instance: InstanceRecord): () => void {
  const storage = params.int('AllocatedStorage', { min: 20, max: 65536 });
  if (storage !== undefined && storage < instance.allocatedStorage) {
    throw invalidParameterValue(
      `Invalid storage size: it cannot be decreased from ${instance.allocatedStorage}.`,
    );
  }
  const rawStorageType = params.string('StorageType');
  const storageType = rawStorageType === undefined ? undefined : validate.storageType(rawStorageType);
  const retention = params.int('BackupRetentionPeriod', { min: 0, max: 35 });
  const deletionProtection = params.bool('DeletionProtection');
  const publiclyAccessible = params.bool('PubliclyAccessible');
  const iamAuth = params.bool('EnableIAMDatabaseAuthentication');
  const copyTags = params.bool('CopyTagsToSnapshot');
  return () => {
    instance.allocatedStorage = storage ?? instance.allocatedStorage;
    instance.storageType = storageType ?? instance.storageType;
    instance.backupRetentionPeriod = retention ?? instance.backupRetentionPeriod;
    instance.deletionProtection = deletionProtection ?? instance.deletionProtection;
    instance.publiclyAccessible = publiclyAccessible ?? instance.publiclyAccessible;
    instance.iamAuth = iamAuth ?? instance.iamAuth;
    instance.copyTagsToSnapshot = copyTags ?? instance.copyTagsToSnapshot;
  };
}
