import { readSlaveStatus, repointReplica } from '../../engine/replication';
import type { InstanceRecord, NodeRecord } from '../model';
import type { NodeStartOptions } from './node-runtime';
import type { RuntimeDeps } from './runtime-deps';

// MariaDB lists every replica in its source's SHOW SLAVE HOSTS, so a standby cannot be hidden there;
// it announces itself under a name that says what it is and never resolves (RFC 2606 `.invalid`).
// Port 0 reports the server's real port.
export const STANDBY_REPORT = { host: 'multi-az-standby.invalid', port: 0 } as const;

/**
 * How a node of the instance runs: a standby and every node of a read replica are read-only. Other
 * nodes announce the instance's endpoint to their source (SHOW SLAVE HOSTS), so topology discovery
 * finds a read replica where clients reach it.
 */
export function startOptions(instance: InstanceRecord, node: NodeRecord): NodeStartOptions {
  const standby = instance.standby?.name === node.name;
  return {
    readOnly: standby || instance.sourceId !== undefined,
    report: standby ? STANDBY_REPORT : { host: '127.0.0.1', port: instance.port },
  };
}

/** Starts whatever of the instance is not running (primary first) and points replication right. */
export async function startNodes(deps: RuntimeDeps, instance: InstanceRecord): Promise<void> {
  const { nodes } = deps;
  await nodes.start(instance.id, instance.primary, startOptions(instance, instance.primary));
  if (instance.standby)
    await nodes.start(instance.id, instance.standby, startOptions(instance, instance.standby));
  await alignReplication(deps, instance);
}

/** Standby first, so it never sees its primary vanish while it still runs. */
export async function stopNodes(deps: RuntimeDeps, instance: InstanceRecord): Promise<void> {
  if (instance.standby) await deps.nodes.stop(instance.id, instance.standby);
  await deps.nodes.stop(instance.id, instance.primary);
}

/**
 * Ports can change across restarts (one taken by another program meanwhile): a read replica follows
 * its source's endpoint and a standby its primary's own port, wherever they are now. A standby that
 * lost its replication (a failover cut short by a crash) is rebuilt from a fresh copy.
 */
export async function alignReplication(deps: RuntimeDeps, instance: InstanceRecord): Promise<void> {
  const { nodes, state } = deps;
  const source = instance.sourceId === undefined ? undefined : state.instances.get(instance.sourceId);
  if (source) await follow(deps, instance.id, instance.primary, source.port);
  const standby = instance.standby;
  if (!standby) return;
  const status = await nodes.withAdmin(instance.id, standby, readSlaveStatus);
  if (status === undefined) {
    await deps.nodes.remove(instance.id, standby);
    instance.standby = undefined;
    await addStandby(deps, instance);
    return;
  }
  await follow(deps, instance.id, standby, instance.primary.port);
}

/** Multi-AZ: a new hidden standby, a replica of the primary's own process. */
export async function addStandby(deps: RuntimeDeps, instance: InstanceRecord): Promise<void> {
  const node: NodeRecord = {
    name: `node-${instance.nextNode++}`,
    serverId: deps.state.nextServerId(),
    port: 0,
  };
  try {
    await deps.provisioner.replicaOf(
      { instanceId: instance.id, node },
      { instanceId: instance.id, node: instance.primary },
      instance.primary.port,
      { readOnly: true, report: STANDBY_REPORT },
    );
  } catch (error) {
    await deps.nodes.remove(instance.id, node).catch(() => undefined);
    throw error;
  }
  instance.standby = node;
}

async function follow(deps: RuntimeDeps, instanceId: string, node: NodeRecord, port: number): Promise<void> {
  await deps.nodes.withAdmin(instanceId, node, async (connection) => {
    const status = await readSlaveStatus(connection);
    if (status !== undefined && Number(status.Master_Port) !== port) await repointReplica(connection, port);
  });
}
