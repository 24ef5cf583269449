import type { DBSnapshot, Event } from '@aws-sdk/client-rds';
import type { RdsEvent, RdsSnapshot } from '../../shared/models/rds';
import { iso, prune } from './rds-mappers';

/** DescribeEvents' Event → RdsEvent. */
export function toRdsEvent(event: Event): RdsEvent {
  return prune({
    date: iso(event.Date) ?? '',
    message: event.Message ?? '',
    sourceId: event.SourceIdentifier,
    sourceType: event.SourceType,
    sourceArn: event.SourceArn,
    categories: event.EventCategories ?? [],
  });
}

/** DescribeDBSnapshots' DBSnapshot → RdsSnapshot. */
export function toRdsSnapshot(snapshot: DBSnapshot): RdsSnapshot {
  return prune({
    id: snapshot.DBSnapshotIdentifier ?? '',
    arn: snapshot.DBSnapshotArn,
    instanceId: snapshot.DBInstanceIdentifier,
    type: snapshot.SnapshotType,
    status: snapshot.Status ?? 'unknown',
    createdAt: iso(snapshot.SnapshotCreateTime),
    engine: snapshot.Engine,
    engineVersion: snapshot.EngineVersion,
    allocatedGiB: snapshot.AllocatedStorage,
    storageType: snapshot.StorageType,
    encrypted: snapshot.Encrypted ?? false,
    percentProgress: snapshot.PercentProgress,
    availabilityZone: snapshot.AvailabilityZone,
  });
}

/** Newest first; ISO strings of one format sort as their dates do. */
export function newestFirst<T>(items: T[], dateOf: (item: T) => string | undefined): T[] {
  return [...items].sort((a, b) => (dateOf(b) ?? '').localeCompare(dateOf(a) ?? ''));
}
