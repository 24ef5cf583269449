import type { InstanceRecord, PendingValues } from './model';
import type { RdsState } from './rds-state';
import type { ReplicationStatusInfo } from './workflows';
import { xmlList, type XmlObject } from './xml';

export const ENDPOINT_ADDRESS = '127.0.0.1';
// RDS's backups are "restorable to within the last five minutes".
const RESTORABLE_LAG_MS = 5 * 60_000;

/** A DB instance as DescribeDBInstances and the other actions return it (the `DBInstance` shape). */
export function instanceXml(
  instance: InstanceRecord,
  state: RdsState,
  now: Date,
  replication?: ReplicationStatusInfo,
): XmlObject {
  const family = engineFamily(instance.engine, instance.engineVersion);
  const replicas = state.replicasOf(instance.id).map((replica) => replica.id);
  return {
    DBInstanceIdentifier: instance.id,
    DBInstanceClass: instance.instanceClass,
    Engine: instance.engine,
    DBInstanceStatus: instance.status,
    MasterUsername: instance.masterUsername,
    DBName: instance.dbName,
    // RDS has no endpoint to show until the instance has been created.
    Endpoint:
      instance.status === 'creating' && instance.createdAt === undefined
        ? undefined
        : { Address: ENDPOINT_ADDRESS, Port: instance.port, HostedZoneId: 'Z2R2ITUGPM61AM' },
    AllocatedStorage: instance.allocatedStorage,
    InstanceCreateTime: instance.createdAt === undefined ? undefined : new Date(instance.createdAt),
    PreferredBackupWindow: '03:00-03:30',
    BackupRetentionPeriod: instance.backupRetentionPeriod,
    DBSecurityGroups: xmlList('DBSecurityGroup', []),
    VpcSecurityGroups: xmlList('VpcSecurityGroupMembership', [
      { VpcSecurityGroupId: 'sg-00000000lab', Status: 'active' },
    ]),
    DBParameterGroups: xmlList('DBParameterGroup', [
      { DBParameterGroupName: `default.${instance.engine}${family}`, ParameterApplyStatus: 'in-sync' },
    ]),
    AvailabilityZone: instance.availabilityZone,
    PreferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    PendingModifiedValues: pendingXml(instance.pending),
    LatestRestorableTime: latestRestorableTime(instance, now),
    MultiAZ: instance.multiAz,
    EngineVersion: instance.engineVersion,
    AutoMinorVersionUpgrade: true,
    ReadReplicaSourceDBInstanceIdentifier: instance.sourceId,
    ReadReplicaDBInstanceIdentifiers: xmlList('ReadReplicaDBInstanceIdentifier', replicas),
    ReadReplicaDBClusterIdentifiers: xmlList('ReadReplicaDBClusterIdentifier', []),
    LicenseModel: 'general-public-license',
    OptionGroupMemberships: xmlList('OptionGroupMembership', [
      { OptionGroupName: `default:${instance.engine}-${family.replace('.', '-')}`, Status: 'in-sync' },
    ]),
    SecondaryAvailabilityZone: instance.multiAz ? instance.secondaryAvailabilityZone : undefined,
    PubliclyAccessible: instance.publiclyAccessible,
    StatusInfos: replication && xmlList('DBInstanceStatusInfo', [statusInfoXml(replication)]),
    StorageType: instance.storageType,
    DbInstancePort: 0,
    StorageEncrypted: instance.storageEncrypted,
    DbiResourceId: instance.resourceId,
    CACertificateIdentifier: 'rds-ca-rsa2048-g1',
    CopyTagsToSnapshot: instance.copyTagsToSnapshot,
    MonitoringInterval: 0,
    DBInstanceArn: state.instanceArn(instance.id),
    IAMDatabaseAuthenticationEnabled: instance.iamAuth,
    PerformanceInsightsEnabled: false,
    DeletionProtection: instance.deletionProtection,
    TagList: xmlList(
      'Tag',
      instance.tags.map((tag) => ({ Key: tag.Key, Value: tag.Value })),
    ),
    CustomerOwnedIpEnabled: false,
    BackupTarget: 'region',
    NetworkType: 'IPV4',
    MasterUserSecret:
      instance.masterUserSecretArn === undefined
        ? undefined
        : { SecretArn: instance.masterUserSecretArn, SecretStatus: 'active' },
    DedicatedLogVolume: false,
  };
}

function statusInfoXml(info: ReplicationStatusInfo): XmlObject {
  return { StatusType: 'read replication', Normal: info.normal, Status: info.status, Message: info.message };
}

function pendingXml(pending: PendingValues): XmlObject {
  return { MultiAZ: pending.multiAz, DBInstanceClass: pending.instanceClass };
}

function latestRestorableTime(instance: InstanceRecord, now: Date): Date | undefined {
  if (instance.backupRetentionPeriod === 0 || instance.createdAt === undefined) return undefined;
  return new Date(Math.max(Date.parse(instance.createdAt), now.getTime() - RESTORABLE_LAG_MS));
}

/** `10.11` from `10.11.19`: parameter and option groups are named per major version. */
export function engineFamily(engine: string, version: string): string {
  const [major = '0', minor = '0'] = version.split('.');
  return engine === 'mysql' && major === '8' ? '8.0' : `${major}.${minor}`;
}
