import type { DBInstance, DBInstanceStatusInfo, PendingModifiedValues, Tag } from '@aws-sdk/client-rds';
import type { RdsInstance, RdsRole, RdsStatusInfo } from '../../shared/models/rds';
import { rdsRef } from './arn';

const READ_REPLICATION = 'read replication';

/**
 * DescribeDBInstances' DBInstance → the RdsInstance DTO. Pure and JSON-safe: dates become ISO
 * strings, absent fields stay absent, booleans AWS may omit default to false. Never copies a secret
 * value (RDS returns none; MasterUserSecret is an ARN).
 */
export function toRdsInstance(db: DBInstance, region: string): RdsInstance {
  const source = db.ReadReplicaSourceDBInstanceIdentifier
    ? rdsRef(db.ReadReplicaSourceDBInstanceIdentifier, region)
    : undefined;
  const replicas = (db.ReadReplicaDBInstanceIdentifiers ?? []).map((id) => rdsRef(id, region));
  const statusInfos = (db.StatusInfos ?? []).map(toStatusInfo);
  return prune({
    id: db.DBInstanceIdentifier ?? '',
    arn: db.DBInstanceArn,
    region,
    engine: db.Engine ?? 'unknown',
    engineVersion: db.EngineVersion,
    instanceClass: db.DBInstanceClass,
    status: db.DBInstanceStatus ?? 'unknown',
    createdAt: iso(db.InstanceCreateTime),
    multiAz: db.MultiAZ ?? false,
    availabilityZone: db.AvailabilityZone,
    secondaryAvailabilityZone: db.SecondaryAvailabilityZone,
    endpoint:
      db.Endpoint?.Address && db.Endpoint.Port !== undefined
        ? { address: db.Endpoint.Address, port: db.Endpoint.Port }
        : undefined,
    storage: prune({
      type: db.StorageType,
      allocatedGiB: db.AllocatedStorage,
      maxAllocatedGiB: db.MaxAllocatedStorage,
      iops: db.Iops,
      throughputMiBps: db.StorageThroughput,
    }),
    backupRetentionDays: db.BackupRetentionPeriod,
    latestRestorableTime: iso(db.LatestRestorableTime),
    encrypted: db.StorageEncrypted ?? false,
    kmsKeyId: db.KmsKeyId,
    publiclyAccessible: db.PubliclyAccessible ?? false,
    iamAuth: db.IAMDatabaseAuthenticationEnabled ?? false,
    deletionProtection: db.DeletionProtection ?? false,
    role: roleOf(db),
    sourceId: source?.id,
    source,
    replicaIds: replicas.map((r) => r.id),
    replicas,
    statusInfos,
    replication: statusInfos.find((info) => info.type === READ_REPLICATION),
    masterUsername: db.MasterUsername,
    masterUserSecret: db.MasterUserSecret?.SecretArn
      ? prune({
          arn: db.MasterUserSecret.SecretArn,
          status: db.MasterUserSecret.SecretStatus,
          kmsKeyId: db.MasterUserSecret.KmsKeyId,
        })
      : undefined,
    dbName: db.DBName,
    caCertificate: db.CACertificateIdentifier,
    vpcId: db.DBSubnetGroup?.VpcId,
    subnetGroup: db.DBSubnetGroup?.DBSubnetGroupName,
    securityGroupIds: (db.VpcSecurityGroups ?? []).flatMap((g) =>
      g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [],
    ),
    parameterGroups: (db.DBParameterGroups ?? []).flatMap((g) =>
      g.DBParameterGroupName ? [g.DBParameterGroupName] : [],
    ),
    pendingModifications: pending(db.PendingModifiedValues),
    tags: toTags(db.TagList),
  });
}

/** A replica names its source; a primary lists replicas (instances, or Aurora clusters fed by it). */
export function roleOf(db: DBInstance): RdsRole {
  if (db.ReadReplicaSourceDBInstanceIdentifier || db.ReadReplicaSourceDBClusterIdentifier) return 'replica';
  const replicas =
    (db.ReadReplicaDBInstanceIdentifiers?.length ?? 0) + (db.ReadReplicaDBClusterIdentifiers?.length ?? 0);
  return replicas > 0 ? 'primary' : 'standalone';
}

export function toTags(tags: Tag[] | undefined): { key: string; value: string }[] {
  return (tags ?? []).flatMap((t) => (t.Key === undefined ? [] : [{ key: t.Key, value: t.Value ?? '' }]));
}

export function iso(date: Date | undefined): string | undefined {
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

/** Leaves absent fields out of the object, so the DTO's JSON has no `undefined`-holes. */
export function prune<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function toStatusInfo(info: DBInstanceStatusInfo): RdsStatusInfo {
  return prune({
    type: info.StatusType ?? '',
    status: info.Status ?? 'unknown',
    normal: info.Normal ?? false,
    message: info.Message,
  });
}

// Only the scalar pending values; nested ones (log exports, processor features) are not shown yet.
function pending(values: PendingModifiedValues | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[key] = value;
  }
  return out;
}
