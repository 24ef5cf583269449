import { engineFamily } from './instance-view';
import type { EventRecord, SnapshotRecord } from './model';
import type { RdsState } from './rds-state';
import { xmlList, type XmlObject } from './xml';

/** A manual DB snapshot as the snapshot actions return it (the `DBSnapshot` shape). */
export function snapshotXml(
  snapshot: SnapshotRecord,
  state: RdsState,
  status: string = snapshot.status,
): XmlObject {
  const family = engineFamily(snapshot.engine, snapshot.engineVersion);
  return {
    DBSnapshotIdentifier: snapshot.id,
    DBInstanceIdentifier: snapshot.instanceId,
    SnapshotCreateTime: new Date(snapshot.createdAt),
    Engine: snapshot.engine,
    AllocatedStorage: snapshot.allocatedStorage,
    Status: status,
    Port: snapshot.port,
    AvailabilityZone: snapshot.availabilityZone,
    VpcId: 'vpc-00000000lab',
    InstanceCreateTime:
      snapshot.instanceCreatedAt === undefined ? undefined : new Date(snapshot.instanceCreatedAt),
    MasterUsername: snapshot.masterUsername,
    EngineVersion: snapshot.engineVersion,
    LicenseModel: 'general-public-license',
    SnapshotType: 'manual',
    OptionGroupName: `default:${snapshot.engine}-${family.replace('.', '-')}`,
    PercentProgress: snapshot.status === 'available' ? 100 : 0,
    StorageType: snapshot.storageType,
    Encrypted: snapshot.encrypted,
    DBSnapshotArn: state.snapshotArn(snapshot.id),
    IAMDatabaseAuthenticationEnabled: snapshot.iamAuth,
    DbiResourceId: snapshot.resourceId,
    TagList: xmlList(
      'Tag',
      snapshot.tags.map((tag) => ({ Key: tag.Key, Value: tag.Value })),
    ),
    OriginalSnapshotCreateTime: new Date(snapshot.createdAt),
    SnapshotTarget: 'region',
    DedicatedLogVolume: false,
  };
}

/** One entry of DescribeEvents (the `Event` shape). */
export function eventXml(event: EventRecord): XmlObject {
  return {
    SourceIdentifier: event.sourceId,
    SourceType: event.sourceType,
    Message: event.message,
    EventCategories: xmlList('EventCategory', event.categories),
    Date: new Date(event.date),
    SourceArn: event.sourceArn,
  };
}
