import type { AwsPartError, RdsResourceRef } from './aws';

export type { RdsResourceRef } from './aws';

export type RdsRole = 'primary' | 'replica' | 'standalone';

/** One entry of DescribeDBInstances' StatusInfos (today only `read replication`). */
export interface RdsStatusInfo {
  type: string;
  status: string;
  normal: boolean;
  message?: string;
}

/** A DB instance as every view shows it: JSON-safe (dates as ISO strings), no secret values. */
export interface RdsInstance {
  id: string;
  arn?: string;
  region: string;
  engine: string;
  engineVersion?: string;
  instanceClass?: string;
  status: string;
  createdAt?: string;
  multiAz: boolean;
  availabilityZone?: string;
  secondaryAvailabilityZone?: string;
  endpoint?: { address: string; port: number };
  storage: {
    type?: string;
    allocatedGiB?: number;
    maxAllocatedGiB?: number;
    iops?: number;
    throughputMiBps?: number;
  };
  backupRetentionDays?: number;
  latestRestorableTime?: string;
  encrypted: boolean;
  kmsKeyId?: string;
  publiclyAccessible: boolean;
  iamAuth: boolean;
  deletionProtection: boolean;
  role: RdsRole;
  /** The source of a replica: its identifier (taken out of an ARN for cross-region sources). */
  sourceId?: string;
  source?: RdsResourceRef;
  replicaIds: string[];
  /** Replicas with their regions, so a topology can draw cross-region links. */
  replicas: RdsResourceRef[];
  statusInfos: RdsStatusInfo[];
  /** The `read replication` status info, if any: replicating, error, stopped, terminated. */
  replication?: RdsStatusInfo;
  masterUsername?: string;
  /** RDS-managed master password: the secret's ARN, never its value. */
  masterUserSecret?: { arn: string; status?: string; kmsKeyId?: string };
  dbName?: string;
  caCertificate?: string;
  vpcId?: string;
  subnetGroup?: string;
  securityGroupIds: string[];
  parameterGroups: string[];
  /** Settings waiting for the next maintenance window or reboot, by API field name. */
  pendingModifications: Record<string, string | number | boolean>;
  tags: { key: string; value: string }[];
}

/** One region's instances, or why that region could not be listed. */
export type RdsRegionResult =
  { region: string; instances: RdsInstance[] } | { region: string; error: AwsPartError };

export interface RdsEvent {
  date: string;
  message: string;
  sourceId?: string;
  sourceType?: string;
  sourceArn?: string;
  categories: string[];
}

export interface RdsSnapshot {
  id: string;
  arn?: string;
  instanceId?: string;
  type?: string;
  status: string;
  createdAt?: string;
  engine?: string;
  engineVersion?: string;
  allocatedGiB?: number;
  storageType?: string;
  encrypted: boolean;
  percentProgress?: number;
  availabilityZone?: string;
}

/** The detail panel: the instance, and its recent events and snapshots, each failing on its own. */
export interface RdsInstanceDetail {
  instance: RdsInstance;
  /** Newest first, over the last 14 days (RDS keeps no more). */
  events: RdsEvent[];
  eventsError?: AwsPartError;
  /** Newest first. */
  snapshots: RdsSnapshot[];
  snapshotsError?: AwsPartError;
}
