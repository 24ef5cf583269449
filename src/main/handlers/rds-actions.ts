import type { Handlers } from '../../shared/rpc';
import type { AwsServices } from '../aws/aws-services';
import * as actions from '../aws/rds-actions';

type ActionChannel =
  | 'rds.createReadReplica'
  | 'rds.promoteReadReplica'
  | 'rds.reboot'
  | 'rds.stop'
  | 'rds.start'
  | 'rds.createSnapshot'
  | 'rds.delete';

/** The RDS actions: credentials resolved once per call, then one AWS call each (two cross-region). */
export function rdsActionHandlers(aws: AwsServices): Pick<Handlers, ActionChannel> {
  const reach = async (profile: string, region: string): Promise<actions.RdsActionTarget> => {
    const target = await aws.clients.target(profile, region);
    return {
      region: target.region,
      rdsIn: (other) =>
        aws.clients.rds(other === target.region ? target : aws.clients.inRegion(target, other)),
    };
  };
  return {
    'rds.createReadReplica': async ({ profile, region, ...req }) =>
      actions.createReadReplica(await reach(profile, region), req),
    'rds.promoteReadReplica': async (req) =>
      actions.promoteReadReplica(await reach(req.profile, req.region), req.id),
    'rds.reboot': async (req) =>
      actions.reboot(await reach(req.profile, req.region), req.id, req.forceFailover),
    'rds.stop': async (req) => actions.stop(await reach(req.profile, req.region), req.id, req.snapshotId),
    'rds.start': async (req) => actions.start(await reach(req.profile, req.region), req.id),
    'rds.createSnapshot': async (req) =>
      actions.createSnapshot(await reach(req.profile, req.region), req.id, req.snapshotId),
    'rds.delete': async (req) =>
      actions.deleteInstance(await reach(req.profile, req.region), req.id, {
        skipFinalSnapshot: req.skipFinalSnapshot,
        finalSnapshotId: req.finalSnapshotId,
      }),
  };
}
