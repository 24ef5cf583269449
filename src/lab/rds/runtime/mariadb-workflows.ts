import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { dumpToFile } from '../../engine/dump';
import { readSlaveStatus, REPLICATION_SQL, stopReplication } from '../../engine/replication';
import type { InstanceRecord, SnapshotRecord } from '../model';
import type { RdsWorkflows, ReplicationStatusInfo } from '../workflows';
import { setMasterPassword } from './accounts';
import { failover } from './failover';
import { addStandby, startNodes, startOptions, stopNodes } from './instance-nodes';
import type { RuntimeDeps } from './runtime-deps';
import { PROCESS_DOWN, replicationStatusFrom } from './status-info';

/** The RDS workflows on real mariadbd processes. */
export class MariaDbWorkflows implements RdsWorkflows {
  constructor(private readonly deps: RuntimeDeps) {}

  reserveEndpoint(instanceId: string, port?: number): Promise<number> {
    return this.deps.endpoints.reserve(instanceId, port);
  }

  releaseEndpoint(instanceId: string): Promise<void> {
    return this.deps.endpoints.release(instanceId);
  }

  async create(instance: InstanceRecord, masterPassword: string): Promise<void> {
    const { state, provisioner } = this.deps;
    await provisioner.fresh(
      { instanceId: instance.id, node: instance.primary },
      startOptions(instance, instance.primary),
      {
        adminPassword: state.adminPassword,
        replPassword: state.replPassword,
        masterUsername: instance.masterUsername,
        masterPassword,
        dbName: instance.dbName,
      },
    );
    await this.finishNew(instance);
  }

  async createReplica(instance: InstanceRecord, source: InstanceRecord): Promise<void> {
    await this.deps.provisioner.replicaOf(
      { instanceId: instance.id, node: instance.primary },
      { instanceId: source.id, node: source.primary },
      source.port,
      startOptions(instance, instance.primary),
    );
    await this.finishNew(instance);
  }

  async restore(instance: InstanceRecord, snapshot: SnapshotRecord): Promise<void> {
    await this.deps.provisioner.fromDump(
      { instanceId: instance.id, node: instance.primary },
      this.snapshotFile(snapshot.id),
      startOptions(instance, instance.primary),
    );
    await this.finishNew(instance);
  }

  async promote(instance: InstanceRecord): Promise<void> {
    await this.deps.nodes.withAdmin(instance.id, instance.primary, async (connection) => {
      await stopReplication(connection);
      await connection.query(REPLICATION_SQL.readOnlyOff);
    });
  }

  async reboot(instance: InstanceRecord): Promise<void> {
    const { endpoints, nodes } = this.deps;
    endpoints.route(instance.id, undefined);
    await nodes.stop(instance.id, instance.primary);
    await startNodes(this.deps, instance);
    endpoints.route(instance.id, instance.primary.port);
  }

  failover(instance: InstanceRecord): Promise<void> {
    return failover(this.deps, instance);
  }

  async stop(instance: InstanceRecord): Promise<void> {
    await this.deps.endpoints.close(instance.id);
    await stopNodes(this.deps, instance);
  }

  async start(instance: InstanceRecord): Promise<void> {
    const port = await this.deps.endpoints.open(instance.id, instance.port);
    if (port !== instance.port) {
      const message = `The endpoint moved from port ${instance.port} to ${port}: another program had taken it`;
      this.deps.state.recordEvent('db-instance', instance.id, message, ['notification']);
      instance.port = port;
    }
    await startNodes(this.deps, instance);
    this.deps.endpoints.route(instance.id, instance.primary.port);
  }

  async destroy(instance: InstanceRecord): Promise<void> {
    await this.deps.endpoints.close(instance.id);
    await stopNodes(this.deps, instance);
    await this.deps.nodes.removeInstanceDir(instance.id);
  }

  async snapshot(instance: InstanceRecord, snapshot: SnapshotRecord): Promise<void> {
    const { nodes, tools } = this.deps;
    if (!tools) throw new Error('mariadb-dump is not available');
    const file = this.snapshotFile(snapshot.id);
    await mkdir(join(this.deps.snapshotsDir, snapshot.id), { recursive: true, mode: 0o700 });
    // A stopped instance is started on the side for the dump (its endpoint stays closed).
    const wasRunning = nodes.isRunning(instance.id, instance.primary);
    if (!wasRunning)
      await nodes.start(instance.id, instance.primary, startOptions(instance, instance.primary));
    try {
      const socketPath = nodes.layout(instance.id, instance.primary).socketPath;
      await dumpToFile(tools, { socketPath, login: nodes.adminLogin }, file);
    } finally {
      if (!wasRunning) await nodes.stop(instance.id, instance.primary);
    }
  }

  async deleteSnapshotFiles(snapshotId: string): Promise<void> {
    await rm(join(this.deps.snapshotsDir, snapshotId), { recursive: true, force: true });
  }

  addStandby(instance: InstanceRecord): Promise<void> {
    return addStandby(this.deps, instance);
  }

  async removeStandby(instance: InstanceRecord): Promise<void> {
    if (instance.standby) await this.deps.nodes.remove(instance.id, instance.standby);
    instance.standby = undefined;
  }

  async setMasterPassword(instance: InstanceRecord, password: string): Promise<void> {
    await this.deps.nodes.withAdmin(instance.id, instance.primary, (connection) =>
      setMasterPassword(connection, instance.masterUsername, password, instance.sourceId !== undefined),
    );
  }

  async replicationStatus(instance: InstanceRecord): Promise<ReplicationStatusInfo> {
    const { nodes } = this.deps;
    if (!nodes.isRunning(instance.id, instance.primary)) return PROCESS_DOWN;
    return replicationStatusFrom(await nodes.withAdmin(instance.id, instance.primary, readSlaveStatus));
  }

  /** After a crash: starts the nodes that are down (in place, no failover) and routes the endpoint. */
  async restartCrashed(instance: InstanceRecord): Promise<void> {
    await startNodes(this.deps, instance);
    this.deps.endpoints.route(instance.id, instance.primary.port);
  }

  resume(instance: InstanceRecord): Promise<void> {
    return this.start(instance);
  }

  async shutdown(): Promise<void> {
    await this.deps.endpoints.closeAll();
    await this.deps.nodes.stopAll();
  }

  private async finishNew(instance: InstanceRecord): Promise<void> {
    if (instance.multiAz) await addStandby(this.deps, instance);
    this.deps.endpoints.route(instance.id, instance.primary.port);
  }

  private snapshotFile(snapshotId: string): string {
    return join(this.deps.snapshotsDir, snapshotId, 'dump.sql');
  }
}
