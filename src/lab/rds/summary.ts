import type { RdsState } from './rds-state';
import type { NodeRuntime } from './runtime/node-runtime';
import { ENDPOINT_ADDRESS } from './instance-view';

export interface RdsInstanceSummary {
  id: string;
  status: string;
  engine: string;
  endpoint: { address: string; port: number };
  multiAz: boolean;
  sourceId?: string;
  replicaIds: string[];
  /** The mariadbd processes behind the instance (a Multi-AZ standby too), with their pids while running. */
  processes: { node: string; role: 'primary' | 'standby'; port: number; pid?: number }[];
}

/** The instances for the lab's status display, with what runs behind each. */
export function summarise(state: RdsState, nodes: NodeRuntime): RdsInstanceSummary[] {
  return [...state.instances.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((instance) => ({
      id: instance.id,
      status: instance.status,
      engine: instance.engine,
      endpoint: { address: ENDPOINT_ADDRESS, port: instance.port },
      multiAz: instance.multiAz,
      sourceId: instance.sourceId,
      replicaIds: state.replicasOf(instance.id).map((replica) => replica.id),
      processes: [
        { node: instance.primary, role: 'primary' as const },
        ...(instance.standby ? [{ node: instance.standby, role: 'standby' as const }] : []),
      ].map(({ node, role }) => ({
        node: node.name,
        role,
        port: node.port,
        pid: nodes.process(instance.id, node)?.pid,
      })),
    }));
}
