import { requireEngine, transition, type Action, type ActionContext } from '../action-context';
import { instanceAlreadyExists, invalidParameterCombination, invalidParameterValue } from '../errors';
import { generatePassword, newInstanceRecord, type NewInstanceFields } from '../instance-factory';
import { instanceXml } from '../instance-view';
import type { InstanceRecord } from '../model';
import type { QueryParams } from '../query-params';
import * as validate from '../validate';

/** CreateDBInstance: a new mariadbd with its master user (and database); `creating` until it accepts logins. */
export const createDBInstance: Action = async (params, ctx) => {
  requireEngine(ctx);
  const id = validate.identifier(params.requiredString('DBInstanceIdentifier'), 'DBInstanceIdentifier');
  const instanceClass = validate.instanceClass(params.requiredString('DBInstanceClass'));
  const engine = validate.engine(params.requiredString('Engine'));
  const masterUsername = validate.masterUsername(required(params, 'MasterUsername'));
  const password = params.string('MasterUserPassword');
  const managed = params.bool('ManageMasterUserPassword') ?? false;
  if (managed && password !== undefined) {
    throw invalidParameterCombination(
      "You can't specify MasterUserPassword and ManageMasterUserPassword together.",
    );
  }
  if (!managed) validate.masterPassword(required(params, 'MasterUserPassword'));
  const dbNameParam = params.string('DBName');
  const fields: NewInstanceFields = {
    id,
    engine,
    instanceClass,
    masterUsername,
    dbName: dbNameParam === undefined ? undefined : validate.dbName(dbNameParam),
    ...commonInstanceFields(params, ctx),
    backupRetentionPeriod: params.int('BackupRetentionPeriod', { min: 0, max: 35 }) ?? 1,
    storageEncrypted: params.bool('StorageEncrypted') ?? false,
  };
  const port = validate.port(params);
  const instance = await register(ctx, newInstanceRecord(ctx, fields), port);
  let masterPassword = password ?? generatePassword();
  try {
    if (managed) masterPassword = await createManagedSecret(ctx, instance, masterPassword);
  } catch (error) {
    await unregister(ctx, instance);
    throw error;
  }
  await transition(
    ctx,
    instance,
    { during: 'creating', done: 'available', doneMessage: 'DB instance created', categories: ['creation'] },
    async () => {
      await ctx.workflows.create(instance, masterPassword);
      instance.createdAt = ctx.now().toISOString();
    },
  );
  return { DBInstance: instanceXml(instance, ctx.state, ctx.now()) };
};

/** The fields CreateDBInstance, CreateDBInstanceReadReplica and the restore share. */
export function commonInstanceFields(
  params: QueryParams,
  ctx: ActionContext,
): Pick<
  NewInstanceFields,
  | 'allocatedStorage'
  | 'storageType'
  | 'multiAz'
  | 'availabilityZone'
  | 'publiclyAccessible'
  | 'iamAuth'
  | 'deletionProtection'
  | 'copyTagsToSnapshot'
  | 'tags'
> {
  const multiAz = params.bool('MultiAZ') ?? false;
  const zone = params.string('AvailabilityZone');
  if (multiAz && zone !== undefined) {
    throw invalidParameterCombination(
      'Requesting a specific availability zone is not valid for Multi-AZ instances.',
    );
  }
  const storageType = params.string('StorageType');
  return {
    allocatedStorage: params.int('AllocatedStorage', { min: 20, max: 65536 }) ?? 20,
    storageType: storageType === undefined ? 'gp2' : validate.storageType(storageType),
    multiAz,
    availabilityZone: zone === undefined ? undefined : validate.availabilityZone(zone, ctx.state.region),
    publiclyAccessible: params.bool('PubliclyAccessible') ?? false,
    iamAuth: params.bool('EnableIAMDatabaseAuthentication') ?? false,
    deletionProtection: params.bool('DeletionProtection') ?? false,
    copyTagsToSnapshot: params.bool('CopyTagsToSnapshot') ?? false,
    tags: validate.tags(params),
  };
}

/**
 * Adds the record and binds its endpoint. The record goes in before the first await, so two requests
 * for the same identifier cannot both pass the check.
 */
export async function register(
  ctx: ActionContext,
  instance: InstanceRecord,
  port?: number,
): Promise<InstanceRecord> {
  if (ctx.state.instances.has(instance.id)) throw instanceAlreadyExists(instance.id);
  const owner = [...ctx.state.instances.values()].find((other) => port !== undefined && other.port === port);
  if (owner) throw invalidParameterValue(`Port ${port} is the endpoint of DB instance ${owner.id}.`);
  ctx.state.instances.set(instance.id, instance);
  try {
    instance.port = await reservePort(ctx, instance.id, port);
  } catch (error) {
    ctx.state.instances.delete(instance.id);
    throw error;
  }
  return instance;
}

/** A free port may still be on record for a stopped instance (its endpoint is closed): pick again. */
async function reservePort(ctx: ActionContext, instanceId: string, port?: number): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    const reserved = await ctx.workflows.reserveEndpoint(instanceId, port);
    const taken = [...ctx.state.instances.values()].some(
      (other) => other.id !== instanceId && other.port === reserved,
    );
    if (!taken || port !== undefined || attempt === 5) return reserved;
    await ctx.workflows.releaseEndpoint(instanceId);
  }
}

async function unregister(ctx: ActionContext, instance: InstanceRecord): Promise<void> {
  ctx.state.instances.delete(instance.id);
  await ctx.workflows.releaseEndpoint(instance.id);
}

async function createManagedSecret(
  ctx: ActionContext,
  instance: InstanceRecord,
  password: string,
): Promise<string> {
  const { arn } = await ctx.secrets.createRdsMasterSecret({
    instanceId: instance.id,
    instanceArn: ctx.state.instanceArn(instance.id),
    username: instance.masterUsername,
    password,
  });
  instance.masterUserSecretArn = arn;
  return password;
}

function required(params: QueryParams, name: string): string {
  const value = params.string(name);
  if (value === undefined)
    throw invalidParameterValue(`The parameter ${name} must be provided and must not be blank.`);
  return value;
}
