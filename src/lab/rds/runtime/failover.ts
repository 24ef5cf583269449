import {
  binlogPosition,
  REPLICATION_SQL,
  startReplica,
  stopReplication,
  waitForGtid,
} from '../../engine/replication';
import type { InstanceRecord } from '../model';
import { LAB_REPL } from './accounts';
import { addStandby, startOptions } from './instance-nodes';
import type { RuntimeDeps } from './runtime-deps';

// How long the standby may take to apply what the old primary committed before the switch.
const CATCH_UP_SECONDS = 30;

/**
 * Multi-AZ failover, as RDS does it: the endpoint stops answering (open connections drop), the standby
 * applies everything the primary committed and becomes primary, the endpoint now forwards to it, and
 * the old primary is rebooted as the new standby. If the old primary is dead (killed), the standby
 * takes over with what it has and a new standby is built from a fresh copy.
 */
export async function failover(deps: RuntimeDeps, instance: InstanceRecord): Promise<void> {
  const { nodes, endpoints, state } = deps;
  const oldPrimary = instance.primary;
  const standby = instance.standby;
  if (!standby) throw new Error(`${instance.id} has no standby to fail over to`);
  endpoints.route(instance.id, undefined);
  // A standby that crashed comes back first; it catches up below like a running one.
  if (!nodes.isRunning(instance.id, standby))
    await nodes.start(instance.id, standby, startOptions(instance, standby));
  const oldAlive = nodes.isRunning(instance.id, oldPrimary);
  if (oldAlive) {
    const position = await nodes.withAdmin(instance.id, oldPrimary, async (connection) => {
      // A read replica's primary first stops following its source, so its position stays put.
      if (instance.sourceId !== undefined) await stopReplication(connection);
      await connection.query(REPLICATION_SQL.readOnlyOn);
      return binlogPosition(connection);
    });
    const caughtUp = await nodes.withAdmin(instance.id, standby, (c) =>
      waitForGtid(c, position, CATCH_UP_SECONDS),
    );
    if (!caughtUp) throw new Error(`the standby did not apply ${position} within ${CATCH_UP_SECONDS} s`);
  }
  await nodes.withAdmin(instance.id, standby, async (connection) => {
    await stopReplication(connection);
    const source = instance.sourceId === undefined ? undefined : state.instance(instance.sourceId);
    if (source) await startReplica(connection, replicationFrom(deps, source.port), deps.replicationTimeoutMs);
    else await connection.query(REPLICATION_SQL.readOnlyOff);
  });
  instance.primary = standby;
  instance.standby = oldPrimary;
  [instance.availabilityZone, instance.secondaryAvailabilityZone] = [
    instance.secondaryAvailabilityZone ?? instance.availabilityZone,
    instance.availabilityZone,
  ];
  endpoints.route(instance.id, standby.port);
  await state.save();
  if (oldAlive) await rejoinAsStandby(deps, instance);
  else await replaceStandby(deps, instance);
}

async function rejoinAsStandby(deps: RuntimeDeps, instance: InstanceRecord): Promise<void> {
  const node = instance.standby;
  if (!node) return;
  await deps.nodes.stop(instance.id, node);
  await deps.nodes.start(instance.id, node, startOptions(instance, node));
  await deps.nodes.withAdmin(instance.id, node, async (connection) => {
    await stopReplication(connection);
    // It was a source until now: it continues after everything it binlogged itself.
    await connection.query(REPLICATION_SQL.slavePosFromBinlog);
    await startReplica(connection, replicationFrom(deps, instance.primary.port), deps.replicationTimeoutMs);
  });
}

async function replaceStandby(deps: RuntimeDeps, instance: InstanceRecord): Promise<void> {
  const dead = instance.standby;
  instance.standby = undefined;
  if (dead) await deps.nodes.remove(instance.id, dead);
  await addStandby(deps, instance);
}

function replicationFrom(
  deps: RuntimeDeps,
  port: number,
): { host: string; port: number; user: string; password: string } {
  return { host: '127.0.0.1', port, user: LAB_REPL, password: deps.state.replPassword };
}
