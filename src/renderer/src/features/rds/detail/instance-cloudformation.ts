import { provisionedStorage } from './provisioned-storage';
import type { RdsInstance } from '@shared/models/rds';
import { toYaml, type YamlValue } from '@shared/yaml';

/** `myrdslab-replica` → `MyrdslabReplica`: logical IDs are alphanumeric. */
export function logicalId(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return /^[A-Za-z]/.test(name) ? name : `Db${name}`;
}

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);
const customGroup = (i: RdsInstance) => i.parameterGroups.find((g) => !g.startsWith('default.'));

function replicaSource(i: RdsInstance): { id: string; region?: string } | undefined {
  if (i.role !== 'replica') return undefined;
  const source = i.source ?? (i.sourceId ? { id: i.sourceId, region: i.region } : undefined);
  if (!source) return undefined;
  // Across regions CloudFormation wants the source's ARN and its region.
  if (source.region !== i.region) return { id: source.arn ?? source.id, region: source.region };
  return { id: source.id };
}

/**
 * An AWS::RDS::DBInstance template of the instance's settings. No secret ever: the password is
 * managed by RDS (ManageMasterUserPassword) or comes from a NoEcho parameter.
 */
export function instanceCloudFormation(i: RdsInstance): string {
  const source = replicaSource(i);
  const needsPassword = !source && !i.masterUserSecret;
  const properties: Record<string, YamlValue | undefined> = {
    DBInstanceIdentifier: i.id,
    SourceDBInstanceIdentifier: source?.id,
    SourceRegion: source?.region,
    Engine: source ? undefined : i.engine,
    EngineVersion: source ? undefined : i.engineVersion,
    DBInstanceClass: i.instanceClass,
    AllocatedStorage:
      source || i.storage.allocatedGiB === undefined ? undefined : String(i.storage.allocatedGiB),
    MaxAllocatedStorage: i.storage.maxAllocatedGiB,
    StorageType: i.storage.type,
    Iops: provisionedStorage(i).iops,
    StorageThroughput: provisionedStorage(i).throughputMiBps,
    MasterUsername: source ? undefined : i.masterUsername,
    ManageMasterUserPassword: !source && i.masterUserSecret ? true : undefined,
    MasterUserPassword: needsPassword ? { Ref: 'MasterUserPassword' } : undefined,
    DBName: source ? undefined : i.dbName,
    MultiAZ: i.multiAz,
    AvailabilityZone: i.multiAz ? undefined : i.availabilityZone,
    PubliclyAccessible: i.publiclyAccessible,
    StorageEncrypted: source ? undefined : i.encrypted,
    KmsKeyId: i.encrypted ? i.kmsKeyId : undefined,
    EnableIAMDatabaseAuthentication: i.iamAuth || undefined,
    DeletionProtection: i.deletionProtection,
    BackupRetentionPeriod: source ? undefined : i.backupRetentionDays,
    DBSubnetGroupName: source ? undefined : i.subnetGroup,
    VPCSecurityGroups: nonEmpty(i.securityGroupIds),
    DBParameterGroupName: customGroup(i),
    CACertificateIdentifier: i.caCertificate,
    Tags: nonEmpty(i.tags.map((t) => ({ Key: t.key, Value: t.value }))),
  };
  const template: Record<string, YamlValue | undefined> = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `RDS instance ${i.id} (${i.region}), from its current settings`,
    Parameters: needsPassword
      ? {
          MasterUserPassword: {
            Type: 'String',
            NoEcho: true,
            MinLength: 8,
            Description: 'Master user password',
          },
        }
      : undefined,
    Resources: {
      [logicalId(i.id)]: {
        Type: 'AWS::RDS::DBInstance',
        // Deleting the stack must not silently delete the data.
        DeletionPolicy: 'Snapshot',
        UpdateReplacePolicy: 'Snapshot',
        Properties: properties,
      },
    },
  };
  return `${toYaml(template)}\n`;
}
