import { requireEngine, transition, type Action } from '../action-context';
import { invalidInstanceState } from '../errors';
import { newInstanceRecord } from '../instance-factory';
import { instanceXml } from '../instance-view';
import * as validate from '../validate';
import { commonInstanceFields, register } from './create-instance';
import { instanceParam, requireAvailable } from './lookup';

/**
 * CreateDBInstanceReadReplica: a consistent copy of the source (mariadb-dump at one GTID position),
 * then real GTID replication from the source's endpoint, read-only. `creating` until it replicates.
 */
export const createDBInstanceReadReplica: Action = async (params, ctx) => {
  requireEngine(ctx);
  const id = validate.identifier(params.requiredString('DBInstanceIdentifier'), 'DBInstanceIdentifier');
  const source = instanceParam(params, ctx, 'SourceDBInstanceIdentifier');
  requireAvailable(source);
  if (source.backupRetentionPeriod === 0) {
    throw invalidInstanceState(
      'Automated backups are not enabled for this database instance. To enable automated backups, use ModifyDBInstance to set the backup retention period to a non-zero value.',
    );
  }
  const instanceClass = params.string('DBInstanceClass');
  const instance = newInstanceRecord(ctx, {
    id,
    engine: source.engine,
    instanceClass: instanceClass === undefined ? source.instanceClass : validate.instanceClass(instanceClass),
    masterUsername: source.masterUsername,
    dbName: source.dbName,
    ...commonInstanceFields(params, ctx),
    allocatedStorage: source.allocatedStorage,
    // A MySQL read replica keeps no automated backups of its own until it is promoted.
    backupRetentionPeriod: 0,
    storageEncrypted: source.storageEncrypted,
    sourceId: source.id,
  });
  await register(ctx, instance, validate.port(params));
  await transition(
    ctx,
    instance,
    {
      during: 'creating',
      done: 'available',
      doneMessage: `Replication for the Read Replica of ${source.id} started`,
      categories: ['read replica', 'creation'],
    },
    async () => {
      await ctx.workflows.createReplica(instance, source);
      instance.createdAt = ctx.now().toISOString();
    },
  );
  return { DBInstance: instanceXml(instance, ctx.state, ctx.now()) };
};

/** PromoteReadReplica: replication stops for good and the instance becomes writable. */
export const promoteReadReplica: Action = async (params, ctx) => {
  const instance = instanceParam(params, ctx);
  if (instance.sourceId === undefined) throw invalidInstanceState('DB Instance is not a read replica.');
  requireAvailable(instance);
  const retention = params.int('BackupRetentionPeriod', { min: 0, max: 35 });
  await transition(
    ctx,
    instance,
    {
      during: 'modifying',
      startMessage: 'Promoting the read replica to a standalone DB instance',
      done: 'available',
      doneMessage: 'Read replica has been promoted to a standalone DB instance',
      categories: ['read replica'],
    },
    async () => {
      await ctx.workflows.promote(instance);
      instance.sourceId = undefined;
      instance.backupRetentionPeriod = retention ?? 1;
    },
  );
  return { DBInstance: instanceXml(instance, ctx.state, ctx.now()) };
};
