import { describe, expect, it } from 'vitest';
import type { StreamRecordDto } from '../../src/shared/models/dynamo';
import {
  addRecords,
  missingImageNote,
  recordKeyText,
  recordTime,
  recordTimes,
} from '../../src/renderer/src/features/dynamo/stream/stream-records';

const rec = (eventId: string, extra: Partial<StreamRecordDto> = {}): StreamRecordDto => ({
  eventId,
  eventName: 'INSERT',
  keys: { UserId: { N: eventId } },
  ...extra,
});

describe('the stream tail list', () => {
  it('shows the newest first, a batch arriving oldest first', () => {
    let list = addRecords([], [rec('1'), rec('2')], '2024-01-01T00:00:00Z');
    list = addRecords(list, [rec('3')], '2024-01-01T00:00:01Z');
    expect(list.map((r) => r.eventId)).toEqual(['3', '2', '1']);
    expect(list[0]?.receivedAt).toBe('2024-01-01T00:00:01Z');
  });

  it('does not add a record twice and keeps at most the limit', () => {
    const once = addRecords([], [rec('1')], 't');
    expect(addRecords(once, [rec('1')], 't')).toBe(once);
    const capped = addRecords(once, [rec('2'), rec('3'), rec('4')], 't', 3);
    expect(capped.map((r) => r.eventId)).toEqual(['4', '3', '2']);
  });

  it('names the item by its key attributes, from the keys or else the images', () => {
    const keyNames = ['UserId', 'Sort'];
    expect(recordKeyText(rec('1001', { keys: { Sort: { S: 'a' }, UserId: { N: '1001' } } }), keyNames)).toBe(
      'UserId=1001 · Sort=a',
    );
    const noKeys = rec('x', { keys: undefined, oldImage: { UserId: { N: '7' }, name: { S: 'n' } } });
    expect(recordKeyText(noKeys, keyNames)).toBe('UserId=7');
    expect(recordKeyText(rec('y', { keys: undefined }), keyNames)).toBe('(no key)');
  });

  it("shows when the change arrived to the second, and the stream's coarser time beside it", () => {
    const received = new Date(2024, 0, 2, 9, 5, 7).toISOString();
    const created = new Date(2024, 0, 2, 9, 5, 0).toISOString();
    const record = { ...rec('1', { approximateCreatedAt: created }), receivedAt: received };
    expect(recordTime(record)).toBe('09:05:07');
    expect(recordTimes(record)).toBe('created about 09:05:00, received 09:05:07');
    expect(recordTimes({ ...rec('2'), receivedAt: received })).toBe('received 09:05:07');
  });

  it('says which image the stream leaves out, and nothing when the record is whole', () => {
    const item = { UserId: { N: '1' } };
    expect(missingImageNote(rec('1', { newImage: item }), 'NEW_IMAGE')).toBeNull();
    expect(
      missingImageNote(rec('1', { eventName: 'MODIFY', oldImage: item, newImage: item }), undefined),
    ).toBeNull();
    expect(missingImageNote(rec('1', { eventName: 'MODIFY', newImage: item }), 'NEW_IMAGE')).toContain(
      'does not carry the old image',
    );
    expect(missingImageNote(rec('1', { eventName: 'REMOVE' }), 'KEYS_ONLY')).toContain(
      '(view type KEYS_ONLY)',
    );
    expect(missingImageNote(rec('1', { eventName: 'MODIFY' }), 'KEYS_ONLY')).toContain('item images');
  });
});
