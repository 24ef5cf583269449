import type { DynamoItem, StreamRecordDto, StreamViewType } from '@shared/models/dynamo';
import { compactValue } from '../explore/item-columns';

/** A record as the tail keeps it: when it arrived, for streams that give no creation time. */
export interface TailRecord extends StreamRecordDto {
  receivedAt: string;
}

/** How many records the list keeps; older ones drop off the end. */
export const MAX_RECORDS = 1000;

/**
 * The list with a batch added: newest first (a batch arrives oldest first), a record seen before
 * (same event id) not added twice, at most `max` kept.
 */
export function addRecords(
  list: readonly TailRecord[],
  incoming: readonly StreamRecordDto[],
  receivedAt: string,
  max = MAX_RECORDS,
): TailRecord[] {
  const known = new Set(list.map((r) => r.eventId));
  const fresh: TailRecord[] = [];
  for (const record of incoming) {
    if (known.has(record.eventId)) continue;
    known.add(record.eventId);
    fresh.push({ ...record, receivedAt });
  }
  if (fresh.length === 0) return list as TailRecord[];
  return [...fresh.reverse(), ...list].slice(0, max);
}

/** The record's item key, "UserId=1001 · Sort=a", from its keys or else its images. */
export function recordKeyText(record: StreamRecordDto, keyNames: readonly string[]): string {
  const source: DynamoItem = record.keys ?? record.newImage ?? record.oldImage ?? {};
  const names = keyNames.filter((k) => source[k] !== undefined);
  const shown = names.length > 0 ? names : Object.keys(source).slice(0, 2);
  return shown.map((k) => `${k}=${compactValue(source[k]!)}`).join(' · ') || '(no key)';
}

const clock = (iso: string | undefined): string => {
  const at = new Date(iso ?? '');
  if (Number.isNaN(at.getTime())) return '';
  const two = (v: number) => String(v).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
};

/**
 * When the change arrived, local time to the second. A live tail reads within a second of the
 * write, while the stream's own creation time is coarse (DynamoDB Local rounds it to the minute).
 */
export function recordTime(record: TailRecord): string {
  return clock(record.receivedAt);
}

/** Both times, for a tooltip. */
export function recordTimes(record: TailRecord): string {
  const created = record.approximateCreatedAt ? `created about ${clock(record.approximateCreatedAt)}, ` : '';
  return `${created}received ${clock(record.receivedAt)}`;
}

/** Why a side of the diff is empty when the change had one: the stream's view type leaves it out. */
export function missingImageNote(
  record: StreamRecordDto,
  viewType: StreamViewType | undefined,
): string | null {
  const needsOld = record.eventName !== 'INSERT';
  const needsNew = record.eventName !== 'REMOVE';
  const lacksOld = needsOld && !record.oldImage;
  const lacksNew = needsNew && !record.newImage;
  if (!lacksOld && !lacksNew) return null;
  const what = lacksOld && lacksNew ? 'item images' : lacksOld ? 'the old image' : 'the new image';
  const view = viewType ? ` (view type ${viewType})` : '';
  return `This stream${view} does not carry ${what}. Choose "New and old images" in Details to see each change in full.`;
}
