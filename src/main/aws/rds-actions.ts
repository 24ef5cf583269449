import {
  CreateDBInstanceReadReplicaCommand,
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  PromoteReadReplicaCommand,
  RebootDBInstanceCommand,
  StartDBInstanceCommand,
  StopDBInstanceCommand,
  type DBInstance,
} from '@aws-sdk/client-rds';
import { AppError } from '../../shared/errors';
import type { RdsInstance, RdsSnapshot } from '../../shared/models/rds';
import { toActionError } from './aws-errors';
import { toRdsSnapshot } from './rds-detail-mappers';
import { describeOne, type RdsSender } from './rds-instances';
import { toRdsInstance } from './rds-mappers';

/** An action's reach: its home region, and a client for any region (cross-region replicas). */
export interface RdsActionTarget {
  region: string;
  rdsIn(region: string): RdsSender;
}

export interface ReadReplicaRequest {
  sourceId: string;
  id: string;
  instanceClass?: string;
  availabilityZone?: string;
  targetRegion?: string;
}

/**
 * CreateDBInstanceReadReplica. In the source's region it names the source by identifier; across
 * regions the call goes to the target region and names the source by its ARN, as RDS requires (the
 * SDK then adds the presigned URL RDS needs for encrypted sources from that ARN's region).
 */
export async function createReadReplica(
  target: RdsActionTarget,
  req: ReadReplicaRequest,
): Promise<RdsInstance> {
  const replicaRegion = req.targetRegion ?? target.region;
  const crossRegion = replicaRegion !== target.region;
  const source = crossRegion ? await sourceArn(target, req.sourceId) : req.sourceId;
  return act(target.rdsIn(replicaRegion), replicaRegion, req.id, async (rds) => {
    const out = await rds.send(
      new CreateDBInstanceReadReplicaCommand({
        DBInstanceIdentifier: req.id,
        SourceDBInstanceIdentifier: source,
        DBInstanceClass: req.instanceClass,
        AvailabilityZone: req.availabilityZone,
      }),
    );
    return out.DBInstance;
  });
}

export function promoteReadReplica(target: RdsActionTarget, id: string): Promise<RdsInstance> {
  return act(here(target), target.region, id, async (rds) => {
    const out = await rds.send(new PromoteReadReplicaCommand({ DBInstanceIdentifier: id }));
    return out.DBInstance;
  });
}

/** `forceFailover` only on Multi-AZ instances; RDS refuses it otherwise and its message says so. */
export function reboot(target: RdsActionTarget, id: string, forceFailover?: boolean): Promise<RdsInstance> {
  return act(here(target), target.region, id, async (rds) => {
    const out = await rds.send(
      new RebootDBInstanceCommand({ DBInstanceIdentifier: id, ForceFailover: forceFailover }),
    );
    return out.DBInstance;
  });
}

export function stop(target: RdsActionTarget, id: string, snapshotId?: string): Promise<RdsInstance> {
  return act(here(target), target.region, id, async (rds) => {
    const out = await rds.send(
      new StopDBInstanceCommand({ DBInstanceIdentifier: id, DBSnapshotIdentifier: snapshotId }),
    );
    return out.DBInstance;
  });
}

export function start(target: RdsActionTarget, id: string): Promise<RdsInstance> {
  return act(here(target), target.region, id, async (rds) => {
    const out = await rds.send(new StartDBInstanceCommand({ DBInstanceIdentifier: id }));
    return out.DBInstance;
  });
}

export interface DeleteRequest {
  skipFinalSnapshot: boolean;
  finalSnapshotId?: string;
}

export function deleteInstance(
  target: RdsActionTarget,
  id: string,
  req: DeleteRequest,
): Promise<RdsInstance> {
  return act(here(target), target.region, id, async (rds) => {
    const out = await rds.send(
      new DeleteDBInstanceCommand({
        DBInstanceIdentifier: id,
        SkipFinalSnapshot: req.skipFinalSnapshot,
        FinalDBSnapshotIdentifier: req.finalSnapshotId,
      }),
    );
    return out.DBInstance;
  });
}

/** CreateDBSnapshot: the snapshot as RDS reports it at once (`creating`). */
export async function createSnapshot(
  target: RdsActionTarget,
  id: string,
  snapshotId: string,
): Promise<RdsSnapshot> {
  let snapshot;
  try {
    const out = await here(target).send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: id, DBSnapshotIdentifier: snapshotId }),
    );
    snapshot = out.DBSnapshot;
  } catch (err) {
    throw toActionError(err);
  }
  if (!snapshot)
    throw new AppError('INTERNAL', `RDS accepted snapshot ${snapshotId} but did not describe it.`);
  return toRdsSnapshot(snapshot);
}

function here(target: RdsActionTarget): RdsSender {
  return target.rdsIn(target.region);
}

/**
 * Runs one action and maps the instance RDS answers with. Every action response carries the
 * instance; should one come back without it, the instance is described instead of guessed.
 */
async function act(
  rds: RdsSender,
  region: string,
  id: string,
  call: (rds: RdsSender) => Promise<DBInstance | undefined>,
): Promise<RdsInstance> {
  let db: DBInstance | undefined;
  try {
    db = await call(rds);
  } catch (err) {
    throw toActionError(err);
  }
  return db ? toRdsInstance(db, region) : describeOne(rds, region, id);
}

async function sourceArn(target: RdsActionTarget, sourceId: string): Promise<string> {
  const source = await describeOne(here(target), target.region, sourceId);
  if (!source.arn) {
    throw new AppError(
      'INTERNAL',
      `RDS did not report the ARN of ${sourceId}, needed for a cross-region replica.`,
    );
  }
  return source.arn;
}
