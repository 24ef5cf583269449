/** DB instance statuses the lab uses, with the names RDS gives them. */
export type InstanceStatus =
  | 'creating'
  | 'available'
  | 'backing-up'
  | 'rebooting'
  | 'modifying'
  | 'resetting-master-credentials'
  | 'stopping'
  | 'stopped'
  | 'starting'
  | 'deleting'
  | 'failed'
  | 'incompatible-restore';

export type Engine = 'mysql' | 'mariadb';

export interface Tag {
  Key: string;
  Value: string;
}

/** One mariadbd of an instance: its folder under the instance's dir, server id and port. */
export interface NodeRecord {
  name: string;
  serverId: number;
  /** The process's own port; clients use the instance's endpoint port, which forwards here. */
  port: number;
}

/** Changes waiting for the next reboot (the lab's maintenance window), as PendingModifiedValues shows. */
export interface PendingValues {
  multiAz?: boolean;
  instanceClass?: string;
}

export interface InstanceRecord {
  id: string;
  resourceId: string;
  engine: Engine;
  engineVersion: string;
  instanceClass: string;
  allocatedStorage: number;
  storageType: string;
  masterUsername: string;
  dbName?: string;
  status: InstanceStatus;
  /** The stable endpoint port (a forward to whichever node is primary). */
  port: number;
  multiAz: boolean;
  availabilityZone: string;
  secondaryAvailabilityZone?: string;
  primary: NodeRecord;
  /** Multi-AZ: the hidden standby, a replica of the primary that no one lists. */
  standby?: NodeRecord;
  /** Numbers node folders so a rebuilt node never reuses a folder still being removed. */
  nextNode: number;
  /** Set on a read replica: the instance it replicates from. */
  sourceId?: string;
  backupRetentionPeriod: number;
  /** When the instance became available the first time (InstanceCreateTime). */
  createdAt?: string;
  masterUserSecretArn?: string;
  publiclyAccessible: boolean;
  storageEncrypted: boolean;
  iamAuth: boolean;
  deletionProtection: boolean;
  copyTagsToSnapshot: boolean;
  tags: Tag[];
  pending: PendingValues;
}

export type SnapshotStatus = 'creating' | 'available' | 'failed';

export interface SnapshotRecord {
  id: string;
  instanceId: string;
  resourceId: string;
  status: SnapshotStatus;
  createdAt: string;
  instanceCreatedAt?: string;
  engine: Engine;
  engineVersion: string;
  allocatedStorage: number;
  storageType: string;
  port: number;
  availabilityZone: string;
  masterUsername: string;
  dbName?: string;
  iamAuth: boolean;
  encrypted: boolean;
  tags: Tag[];
}

export type EventSourceType = 'db-instance' | 'db-snapshot';

export interface EventRecord {
  sourceId: string;
  sourceType: EventSourceType;
  message: string;
  categories: string[];
  date: string;
  sourceArn: string;
}

/** Everything the RDS emulation keeps in `<dataDir>/rds/state.json`. */
export interface RdsStateFile {
  version: 1;
  /** The lab's own accounts on every server (rdsadmin over the socket, rdsrepladmin for replication). */
  adminPassword: string;
  replPassword: string;
  nextServerId: number;
  instances: InstanceRecord[];
  snapshots: SnapshotRecord[];
  events: EventRecord[];
}
