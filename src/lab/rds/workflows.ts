import type { InstanceRecord, SnapshotRecord } from './model';

/** A read replica's StatusInfos entry, computed from the replica's real SHOW SLAVE STATUS. */
export interface ReplicationStatusInfo {
  status: 'replicating' | 'error' | 'stopped';
  normal: boolean;
  message?: string;
}

/**
 * The real work behind the RDS actions: processes, copies, replication. The actions decide statuses
 * and answer at once; these run in the background and may take the seconds the work takes. Records
 * are passed in and updated in place (ports, nodes); the caller saves the state afterwards.
 */
export interface RdsWorkflows {
  /** Binds the instance's endpoint (the requested port or a free one) and returns its port. */
  reserveEndpoint(instanceId: string, port?: number): Promise<number>;
  releaseEndpoint(instanceId: string): Promise<void>;
  /** A new primary with its master user (and database), plus a standby when Multi-AZ. */
  create(instance: InstanceRecord, masterPassword: string): Promise<void>;
  /** A consistent copy of the source, replicating from it by GTID, read-only. */
  createReplica(instance: InstanceRecord, source: InstanceRecord): Promise<void>;
  restore(instance: InstanceRecord, snapshot: SnapshotRecord): Promise<void>;
  promote(instance: InstanceRecord): Promise<void>;
  reboot(instance: InstanceRecord): Promise<void>;
  /** Multi-AZ: the standby takes over behind the same endpoint; the old primary becomes the standby. */
  failover(instance: InstanceRecord): Promise<void>;
  stop(instance: InstanceRecord): Promise<void>;
  start(instance: InstanceRecord): Promise<void>;
  /** Stops every process of the instance and removes its files. */
  destroy(instance: InstanceRecord): Promise<void>;
  snapshot(instance: InstanceRecord, snapshot: SnapshotRecord): Promise<void>;
  deleteSnapshotFiles(snapshotId: string): Promise<void>;
  addStandby(instance: InstanceRecord): Promise<void>;
  removeStandby(instance: InstanceRecord): Promise<void>;
  setMasterPassword(instance: InstanceRecord, password: string): Promise<void>;
  replicationStatus(instance: InstanceRecord): Promise<ReplicationStatusInfo>;
  /** Brings an instance that was running when the lab stopped back as it was. */
  resume(instance: InstanceRecord): Promise<void>;
  /** Stops every process and endpoint, leaving the records as they are for the next start. */
  shutdown(): Promise<void>;
}
