import { describe, expect, it } from 'vitest';
import type { DynamoItem, DynamoJobProgress, DynamoThrottleNotice } from '../../src/shared/models/dynamo';
import {
  describeRequest,
  resultRequest,
  segmentsFor,
  tableScan,
} from '../../src/renderer/src/features/dynamo/transfer/export-request';
import {
  EMPTY_JOB,
  onProgress,
  onThrottled,
  throttleText,
} from '../../src/renderer/src/features/dynamo/transfer/job-view';
import { cellText, previewColumns } from '../../src/renderer/src/features/dynamo/transfer/preview-columns';

const progress = (processed: number, state: DynamoJobProgress['state'] = 'running'): DynamoJobProgress => ({
  jobId: 'j',
  kind: 'import',
  state,
  processed,
  consumed: { readUnits: 0, writeUnits: processed },
  retries: 0,
});
const notice: DynamoThrottleNotice = {
  operation: 'BatchWriteItem',
  table: 'Users',
  jobId: 'j',
  attempt: 2,
  delayMs: 420,
  awsCode: 'ProvisionedThroughputExceededException',
};

describe('a job as the transfer dialogs show it', () => {
  it('shows "throttled, retrying" until the job moves on or ends', () => {
    let view = onProgress(EMPTY_JOB, progress(25));
    view = onThrottled(view, notice);
    expect(view.throttled).toEqual(notice);
    // A progress event with nothing new (the rate-limited report) keeps the notice.
    view = onProgress(view, progress(25));
    expect(view.throttled).toEqual(notice);
    view = onProgress(view, progress(50));
    expect(view.throttled).toBeNull();
    view = onThrottled(view, notice);
    view = onProgress(view, progress(50, 'done'));
    expect(view.throttled).toBeNull();
    // A late notice after the end does not bring it back.
    expect(onThrottled(view, notice).throttled).toBeNull();
  });

  it('words the notice with the next attempt and its delay', () => {
    expect(throttleText(notice)).toBe(
      'Throttled (ProvisionedThroughputExceededException), retrying: BatchWriteItem attempt 3 in 420 ms',
    );
    expect(throttleText({ ...notice, delayMs: 2500 })).toMatch(/in 2\.5 s$/);
  });
});

describe('what an export reads', () => {
  it('scans the whole table, or reads the current result again with export-sized pages', () => {
    expect(tableScan('Users')).toEqual({ mode: 'scan', table: 'Users', limit: 1000 });
    const query = {
      mode: 'query' as const,
      table: 'Users',
      index: 'ByEmail',
      partitionKey: { name: 'Email', value: { S: 'a@b.c' } },
      filters: [{ name: 'Age', op: '>' as const, value: { N: '3' } }],
      limit: 25,
    };
    expect(resultRequest(query)).toEqual({ ...query, limit: 1000 });
    expect(segmentsFor(query, 4)).toBe(1);
    expect(segmentsFor(tableScan('Users'), 4)).toBe(4);
    expect(describeRequest(query)).toBe('Query of Users · index ByEmail · 1 filter');
  });
});

describe('the import preview', () => {
  it('puts the keys first, then attributes in order of appearance, capped', () => {
    const items: DynamoItem[] = [
      { Name: { S: 'a' }, UserID: { S: '1' } },
      { UserID: { S: '2' }, Age: { N: '3' }, Tags: { SS: ['x'] } },
    ];
    expect(previewColumns(items, ['UserID'], 3)).toEqual({ names: ['UserID', 'Name', 'Age'], more: 1 });
    expect(cellText({ S: 'plain' })).toBe('plain');
    expect(cellText({ SS: ['x'] })).toBe('{"$set":["x"]}');
    expect(cellText({ N: '1.50' })).toBe('1.50');
    expect(cellText(undefined)).toBe('');
  });
});
