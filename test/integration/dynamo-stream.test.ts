import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DYNAMO_PROFILE,
  DYNAMO_REGION,
  startDynamoWorkspace,
  type DynamoWorkspace,
} from '../support/dynamo-workspace';
import { waitUntil } from '../support/wait-until';

const endpoint = inject('harness').dynamodb?.endpoint ?? '';
const ref = { profile: DYNAMO_PROFILE, region: DYNAMO_REGION };
const TABLE = 'dyn-stream-Users';

describe('DynamoDB stream tail on DynamoDB Local', () => {
  let app: DynamoWorkspace;

  beforeAll(async () => {
    app = await startDynamoWorkspace(endpoint);
    await app.call('dynamo.createTable', {
      ...ref,
      definition: {
        table: TABLE,
        partitionKey: { name: 'UserID', type: 'S' },
        billingMode: 'PAY_PER_REQUEST',
        stream: 'NEW_AND_OLD_IMAGES',
      },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('pushes INSERT, MODIFY and REMOVE with old and new images until stopped', async () => {
    const { tailId, streamArn } = await app.call('dynamo.startStream', { ...ref, table: TABLE });
    expect(streamArn).toMatch(/stream/);
    const key = { UserID: { S: '1001' } };
    const first = { ...key, Name: { S: 'Monowar' } };
    const second = { ...key, Name: { S: 'Monowar H.' } };
    await app.call('dynamo.putItem', {
      ...ref,
      table: TABLE,
      item: first,
      expected: null,
      keyNames: ['UserID'],
    });
    await app.call('dynamo.putItem', {
      ...ref,
      table: TABLE,
      item: second,
      expected: first,
      keyNames: ['UserID'],
    });
    await app.call('dynamo.deleteItem', { ...ref, table: TABLE, key, expected: second });
    const records = await waitUntil(
      async () => {
        const seen = app
          .eventsOf('dynamo.streamRecords')
          .filter((e) => e.tailId === tailId)
          .flatMap((e) => e.records);
        return seen.length >= 3 ? seen : undefined;
      },
      { what: 'three stream records', timeoutMs: 30_000 },
    );
    expect(records.map((r) => [r.eventName, r.keys, r.oldImage, r.newImage])).toEqual([
      ['INSERT', key, undefined, first],
      ['MODIFY', key, first, second],
      ['REMOVE', key, second, undefined],
    ]);
    expect(app.eventsOf('dynamo.streamStatus')).toContainEqual({
      tailId,
      state: 'running',
      shards: expect.any(Number),
    });
    expect(await app.call('dynamo.stopStream', { tailId })).toEqual({ stopped: true });
    await waitUntil(
      async () =>
        app.eventsOf('dynamo.streamStatus').find((s) => s.tailId === tailId && s.state === 'stopped'),
      { what: 'the tail to stop', timeoutMs: 10_000 },
    );
  });

  it('says when a table has no stream', async () => {
    await app.call('dynamo.updateStream', { ...ref, table: TABLE, enabled: false });
    const error = await app.failure('dynamo.startStream', { ...ref, table: TABLE });
    expect(error).toMatchObject({
      code: 'INVALID_REQUEST',
      message: `Table ${TABLE} has no stream. Enable one to tail it.`,
    });
  });
});
