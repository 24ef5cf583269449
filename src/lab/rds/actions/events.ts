import type { Action } from '../action-context';
import { invalidParameterCombination, invalidParameterValue } from '../errors';
import type { EventSourceType } from '../model';
import { paginate } from '../paging';
import { eventXml } from '../snapshot-view';
import { xmlList } from '../xml';

const SOURCE_TYPES = new Set<string>([
  'db-instance',
  'db-parameter-group',
  'db-security-group',
  'db-snapshot',
  'db-cluster',
  'db-cluster-snapshot',
  'custom-engine-version',
  'db-proxy',
  'blue-green-deployment',
]);
const DEFAULT_DURATION_MINUTES = 60;
// RDS keeps events for 14 days.
const MAX_AGE_MS = 14 * 24 * 60 * 60_000;

/** DescribeEvents: what happened to instances and snapshots, by source, type, time window and category. */
export const describeEvents: Action = async (params, ctx) => {
  const sourceId = params.string('SourceIdentifier')?.toLowerCase();
  const sourceType = params.string('SourceType');
  if (sourceType !== undefined && !SOURCE_TYPES.has(sourceType)) {
    throw invalidParameterValue(`Invalid value '${sourceType}' for SourceType.`);
  }
  if (sourceId !== undefined && sourceType === undefined) {
    throw invalidParameterCombination('If SourceIdentifier is supplied, SourceType must also be provided.');
  }
  const now = ctx.now().getTime();
  const end = params.date('EndTime')?.getTime() ?? now;
  const duration = params.int('Duration', { min: 0, max: 20160 });
  const start = params.date('StartTime')?.getTime() ?? end - (duration ?? DEFAULT_DURATION_MINUTES) * 60_000;
  const categories = params.list('EventCategories', 'EventCategory');
  const events = ctx.state.allEvents().filter((event) => {
    const at = Date.parse(event.date);
    return (
      at >= Math.max(start, now - MAX_AGE_MS) &&
      at <= end &&
      (sourceType === undefined || event.sourceType === (sourceType as EventSourceType)) &&
      (sourceId === undefined || event.sourceId === sourceId) &&
      (categories.length === 0 || event.categories.some((category) => categories.includes(category)))
    );
  });
  const page = paginate(events, params);
  return { Marker: page.marker, Events: xmlList('Event', page.items.map(eventXml)) };
};
