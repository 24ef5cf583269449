import { BatchWriteItemCommand, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from '../../src/main/dynamo/backoff';
import { writeBatch, type BatchEntry } from '../../src/main/dynamo/batch-writer';
import { AWS_ENDPOINT, type DynamoConnection } from '../../src/main/dynamo/dynamo-connector';
import { withRetry, type CallContext } from '../../src/main/dynamo/with-retry';
import type { DynamoThrottleNotice } from '../../src/shared/models/dynamo';

const throttled = (): Error =>
  new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: { httpStatusCode: 400 } });

/** A DynamoDB stand-in answering BatchWriteItem from a script of replies, recording each request. */
function scripted(replies: ((items: unknown[]) => unknown)[]): {
  conn: DynamoConnection;
  requests: unknown[][];
} {
  const requests: unknown[][] = [];
  const send = async (command: unknown): Promise<unknown> => {
    if (!(command instanceof BatchWriteItemCommand)) throw new Error('unexpected command');
    const items = command.input.RequestItems?.T ?? [];
    requests.push(items);
    const reply = replies.shift();
    if (!reply) throw new Error('no reply scripted');
    return reply(items);
  };
  const conn = {
    region: 'us-east-1',
    ddb: { send },
    streams: { send },
    endpoint: AWS_ENDPOINT,
  } as unknown as DynamoConnection;
  return { conn, requests };
}

const entry = (id: string, line: number): BatchEntry => ({
  line,
  request: { PutRequest: { Item: { id: { S: id } } } },
});

describe('throttling and retries', () => {
  it('waits a random time under a doubling ceiling (full jitter)', () => {
    expect(fullJitterDelay(1, 50, 5000, () => 0.999)).toBe(49);
    expect(fullJitterDelay(4, 50, 5000, () => 0.5)).toBe(200);
    expect(fullJitterDelay(20, 50, 5000, () => 0.999)).toBe(4995);
    expect(fullJitterDelay(3, 50, 5000, () => 0)).toBe(0);
  });

  it('retries a throttled call and tells the UI each time', async () => {
    const notices: DynamoThrottleNotice[] = [];
    let calls = 0;
    const ctx: CallContext = { onThrottle: (n) => notices.push(n), random: () => 0, retries: { count: 0 } };
    const value = await withRetry('Query', 'T', ctx, async () => {
      if (++calls < 3) throw throttled();
      return 'ok';
    });
    expect(value).toBe('ok');
    expect(notices.map((n) => [n.operation, n.table, n.attempt, n.awsCode])).toEqual([
      ['Query', 'T', 1, 'ProvisionedThroughputExceededException'],
      ['Query', 'T', 2, 'ProvisionedThroughputExceededException'],
    ]);
    expect(ctx.retries?.count).toBe(2);
  });

  it('gives up after its attempts and never retries what retrying cannot fix', async () => {
    let calls = 0;
    const always = withRetry('Scan', 'T', { random: () => 0, maxAttempts: 3 }, async () => {
      calls++;
      throw throttled();
    });
    await expect(always).rejects.toThrow('slow down');
    expect(calls).toBe(3);
    calls = 0;
    const invalid = withRetry('Scan', 'T', { random: () => 0 }, async () => {
      calls++;
      throw Object.assign(new Error('bad'), {
        name: 'ValidationException',
        $metadata: { httpStatusCode: 400 },
      });
    });
    await expect(invalid).rejects.toThrow('bad');
    expect(calls).toBe(1);
  });

  it('sends UnprocessedItems again until all are written', async () => {
    const notices: DynamoThrottleNotice[] = [];
    const { conn, requests } = scripted([
      () => ({
        UnprocessedItems: {
          T: [{ PutRequest: { Item: { id: { S: 'b' } } } }, { PutRequest: { Item: { id: { S: 'c' } } } }],
        },
      }),
      () => ({
        UnprocessedItems: { T: [{ PutRequest: { Item: { id: { S: 'c' } } } }] },
        ConsumedCapacity: [{ TableName: 'T', CapacityUnits: 1 }],
      }),
      () => ({ UnprocessedItems: {}, ConsumedCapacity: [{ TableName: 'T', CapacityUnits: 1 }] }),
    ]);
    const outcome = await writeBatch(conn, 'T', ['id'], [entry('a', 1), entry('b', 2), entry('c', 3)], {
      random: () => 0,
      jobId: 'j1',
      onThrottle: (n) => notices.push(n),
    });
    expect(outcome).toEqual({ written: 3, rejected: [], consumed: { readUnits: 0, writeUnits: 2 } });
    expect(requests.map((r) => r.length)).toEqual([3, 2, 1]);
    expect(notices.map((n) => [n.awsCode, n.attempt, n.jobId])).toEqual([
      ['UnprocessedItems', 1, 'j1'],
      ['UnprocessedItems', 2, 'j1'],
    ]);
  });

  it('reports items still unprocessed after its rounds as rejected, with the reason', async () => {
    const stuck = { UnprocessedItems: { T: [{ PutRequest: { Item: { id: { S: 'b' } } } }] } };
    const { conn } = scripted(Array.from({ length: 12 }, () => () => stuck));
    const outcome = await writeBatch(conn, 'T', ['id'], [entry('a', 1), entry('b', 2)], { random: () => 0 });
    expect(outcome.written).toBe(1);
    expect(outcome.rejected).toEqual([
      { line: 2, reason: expect.stringMatching(/Not written after 12 attempts/), item: { id: { S: 'b' } } },
    ]);
  });
});
