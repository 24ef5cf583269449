import {
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  DescribeEventsCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { AppError } from '../../shared/errors';
import type { RdsEvent, RdsInstance, RdsInstanceDetail, RdsRegionResult } from '../../shared/models/rds';
import { errorCodeFor, toAwsError, toPartError } from './aws-errors';
import { collectPages } from './paging';
import { newestFirst, toRdsEvent, toRdsSnapshot } from './rds-detail-mappers';
import { toRdsInstance } from './rds-mappers';
import { isOptInRegion } from './regions';

export type RdsSender = Pick<RDSClient, 'send'>;

// RDS allows 20..100 records per page; the largest page means the fewest round trips.
const PAGE_SIZE = 100;
// DescribeEvents reaches back 14 days at most.
const EVENT_WINDOW_MINUTES = 14 * 24 * 60;
const MAX_EVENTS = 200;
const EVENT_PAGES = 20;

/** Every instance of one region, following DescribeDBInstances' Marker to the last page. */
export async function describeAllInstances(rds: RdsSender, region: string): Promise<RdsInstance[]> {
  const instances = await collectPages(async (Marker) => {
    const page = await rds.send(new DescribeDBInstancesCommand({ MaxRecords: PAGE_SIZE, Marker }));
    return { items: page.DBInstances, next: page.Marker };
  });
  return instances.map((db) => toRdsInstance(db, region));
}

/**
 * All instances of several regions, fetched in parallel. A region that fails (no permission there,
 * throttled, not enabled) comes back with its error in place; the others are not held up by it.
 */
export async function listInstancesAcross(
  regions: readonly string[],
  clientFor: (region: string) => RdsSender,
): Promise<RdsRegionResult[]> {
  const unique = [...new Set(regions)];
  return Promise.all(
    unique.map(async (region): Promise<RdsRegionResult> => {
      try {
        return { region, instances: await describeAllInstances(clientFor(region), region) };
      } catch (err) {
        return { region, error: toPartError(err, regionContext(err, region)) };
      }
    }),
  );
}

/** One instance with its recent events and snapshots; those two fail in place, not the whole panel. */
export async function describeInstanceDetail(
  rds: RdsSender,
  region: string,
  id: string,
): Promise<RdsInstanceDetail> {
  const instance = await describeOne(rds, region, id);
  const [events, snapshots] = await Promise.allSettled([
    recentEvents(rds, instance.id),
    collectPages(async (Marker) => {
      const page = await rds.send(
        new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: instance.id, MaxRecords: PAGE_SIZE, Marker }),
      );
      return { items: page.DBSnapshots, next: page.Marker };
    }),
  ]);
  const detail: RdsInstanceDetail = { instance, events: [], snapshots: [] };
  if (events.status === 'fulfilled') detail.events = events.value;
  else detail.eventsError = toPartError(events.reason, 'Reading recent events');
  if (snapshots.status === 'fulfilled') {
    detail.snapshots = newestFirst(snapshots.value.map(toRdsSnapshot), (s) => s.createdAt);
  } else {
    detail.snapshotsError = toPartError(snapshots.reason, 'Reading snapshots');
  }
  return detail;
}

/** One instance by identifier (or ARN); NOT_FOUND when the region has none by that name. */
export async function describeOne(rds: RdsSender, region: string, id: string): Promise<RdsInstance> {
  try {
    const { DBInstances = [] } = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
    const [db] = DBInstances;
    if (!db) throw new AppError('NOT_FOUND', `There is no DB instance ${id} in ${region}.`);
    return toRdsInstance(db, region);
  } catch (err) {
    throw errorCodeFor(err) === 'NOT_FOUND' && !(err instanceof AppError)
      ? new AppError('NOT_FOUND', `There is no DB instance ${id} in ${region}.`, toAwsError(err).details)
      : toAwsError(err, `Describing DB instance ${id} in ${region}`);
  }
}

async function recentEvents(rds: RdsSender, id: string): Promise<RdsEvent[]> {
  const events = await collectPages(
    async (Marker) => {
      const page = await rds.send(
        new DescribeEventsCommand({
          SourceIdentifier: id,
          SourceType: 'db-instance',
          Duration: EVENT_WINDOW_MINUTES,
          MaxRecords: PAGE_SIZE,
          Marker,
        }),
      );
      return { items: page.Events, next: page.Marker };
    },
    // Events come oldest first, so the newest are on the last page: read far enough to reach them.
    EVENT_PAGES,
  );
  return newestFirst(events.map(toRdsEvent), (e) => e.date).slice(0, MAX_EVENTS);
}

// Keys refused in an opt-in region most often mean the region is not enabled for the account.
function regionContext(err: unknown, region: string): string {
  const hint =
    errorCodeFor(err) === 'AUTH_FAILED' && isOptInRegion(region)
      ? ` (${region} is an opt-in region: is it enabled for this account?)`
      : '';
  return `Listing RDS instances in ${region}${hint}`;
}
