import { requireEngine, transition, type Action } from '../action-context';
import { invalidSnapshotState } from '../errors';
import { newInstanceRecord } from '../instance-factory';
import { instanceXml } from '../instance-view';
import * as validate from '../validate';
import { commonInstanceFields, register } from './create-instance';

/** RestoreDBInstanceFromDBSnapshot: a new instance loaded with the snapshot's data and accounts. */
export const restoreDBInstanceFromDBSnapshot: Action = async (params, ctx) => {
  requireEngine(ctx);
  const id = validate.identifier(params.requiredString('DBInstanceIdentifier'), 'DBInstanceIdentifier');
  const snapshot = ctx.state.snapshot(
    validate.identifier(params.requiredString('DBSnapshotIdentifier'), 'DBSnapshotIdentifier'),
  );
  if (snapshot.status !== 'available') {
    throw invalidSnapshotState(`Snapshot ${snapshot.id} is not in available state.`);
  }
  const instanceClass = params.string('DBInstanceClass');
  const common = commonInstanceFields(params, ctx);
  const instance = newInstanceRecord(ctx, {
    id,
    engine: snapshot.engine,
    instanceClass: instanceClass === undefined ? 'db.t3.micro' : validate.instanceClass(instanceClass),
    masterUsername: snapshot.masterUsername,
    dbName: snapshot.dbName,
    ...common,
    allocatedStorage: Math.max(common.allocatedStorage, snapshot.allocatedStorage),
    backupRetentionPeriod: 1,
    storageEncrypted: snapshot.encrypted,
    iamAuth: params.bool('EnableIAMDatabaseAuthentication') ?? snapshot.iamAuth,
  });
  await register(ctx, instance, validate.port(params));
  await transition(
    ctx,
    instance,
    {
      during: 'creating',
      startMessage: `Restoring from snapshot ${snapshot.id}`,
      done: 'available',
      doneMessage: 'Restored from snapshot',
      categories: ['restoration'],
      failed: 'incompatible-restore',
    },
    async () => {
      await ctx.workflows.restore(instance, snapshot);
      instance.createdAt = ctx.now().toISOString();
    },
  );
  return { DBInstance: instanceXml(instance, ctx.state, ctx.now()) };
};
