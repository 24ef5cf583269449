import type { Handlers } from '../../shared/rpc';
import type { ReplicationService } from '../replication/replication-service';

type ReplicationChannels =
  | 'replication.open'
  | 'replication.refresh'
  | 'replication.close'
  | 'replication.attachPeer'
  | 'replication.approvePeer'
  | 'replication.approvals'
  | 'replication.revokeApproval'
  | 'replication.configure'
  | 'replication.tables'
  | 'replication.startCheck'
  | 'replication.cancelCheck';

export function replicationHandlers(replication: ReplicationService): Pick<Handlers, ReplicationChannels> {
  return {
    'replication.open': (req) => replication.open(req),
    'replication.refresh': (req) => replication.refresh(req.monitorId),
    'replication.close': async (req) => ({ closed: await replication.close(req.monitorId) }),
    'replication.attachPeer': (req) => replication.attachPeer(req.monitorId, req.nodeKey, req.profileId),
    'replication.approvePeer': (req) => replication.approvePeer(req.monitorId, req.nodeKey, req.profileId),
    'replication.approvals': async () => ({ approvals: await replication.approvals() }),
    'replication.revokeApproval': async (req) => ({
      revoked: await replication.revokeApproval(req.profileId, req.host, req.port),
    }),
    'replication.configure': (req) => replication.configure(req),
    'replication.tables': async (req) => ({ tables: await replication.tables(req.monitorId) }),
    'replication.startCheck': async (req) => ({ checkId: await replication.startCheck(req) }),
    'replication.cancelCheck': (req) => ({ cancelled: replication.cancelCheck(req.checkId) }),
  };
}
