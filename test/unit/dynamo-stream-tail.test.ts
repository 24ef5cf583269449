import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { AWS_ENDPOINT, type DynamoConnection } from '../../src/main/dynamo/dynamo-connector';
import { StreamTails } from '../../src/main/dynamo/stream-tail';
import type { StreamRecordDto, StreamTailStatus } from '../../src/shared/models/dynamo';
import { waitUntil } from '../support/wait-until';

const ARN = 'arn:aws:dynamodb:us-east-1:1:table/T/stream/x';
const record = (eventName: string, id: string, name: string) => ({
  eventID: `${eventName}-${id}`,
  eventName,
  dynamodb: { Keys: { id: { S: id } }, NewImage: { id: { S: id }, name: { S: name } }, SequenceNumber: '1' },
});

/** A stream whose only shard splits after its first read: the child must be read from its start. */
function splittingStream(): { conn: DynamoConnection; iteratorTypes: string[] } {
  let split = false;
  const iteratorTypes: string[] = [];
  const streams = {
    send: async (command: unknown): Promise<unknown> => {
      if (command instanceof DescribeStreamCommand) {
        const parent = { ShardId: 's1', SequenceNumberRange: split ? { EndingSequenceNumber: '9' } : {} };
        const child = { ShardId: 's2', ParentShardId: 's1', SequenceNumberRange: {} };
        return { StreamDescription: { Shards: split ? [parent, child] : [parent] } };
      }
      if (command instanceof GetShardIteratorCommand) {
        iteratorTypes.push(`${command.input.ShardId}:${command.input.ShardIteratorType}`);
        return { ShardIterator: `${command.input.ShardId}-${command.input.ShardIteratorType}` };
      }
      if (command instanceof GetRecordsCommand) {
        switch (command.input.ShardIterator) {
          case 's1-LATEST':
            split = true;
            return { Records: [record('INSERT', '1', 'a')] };
          case 's2-TRIM_HORIZON':
            return { Records: [record('MODIFY', '1', 'b')], NextShardIterator: 's2-next' };
          default:
            return { Records: [], NextShardIterator: 's2-next' };
        }
      }
      throw new Error('unexpected command');
    },
  };
  const ddb = {
    send: async (command: unknown): Promise<unknown> => {
      if (!(command instanceof DescribeTableCommand)) throw new Error('unexpected command');
      return { Table: { StreamSpecification: { StreamEnabled: true }, LatestStreamArn: ARN } };
    },
  };
  const conn = { region: 'us-east-1', ddb, streams, endpoint: AWS_ENDPOINT } as unknown as DynamoConnection;
  return { conn, iteratorTypes };
}

describe('stream tail', () => {
  it('follows a shard split into its child, from the child’s first record', async () => {
    const records: StreamRecordDto[] = [];
    const statuses: StreamTailStatus[] = [];
    const tails = new StreamTails({
      records: (_id, r) => records.push(...r),
      status: (s) => statuses.push(s),
    });
    const { conn, iteratorTypes } = splittingStream();
    const { tailId, streamArn } = await tails.start(conn, 'T');
    expect(streamArn).toBe(ARN);
    await waitUntil(async () => (records.length >= 2 ? true : undefined), {
      what: 'two records',
      timeoutMs: 5000,
    });
    expect(records.map((r) => [r.eventName, r.newImage?.name])).toEqual([
      ['INSERT', { S: 'a' }],
      ['MODIFY', { S: 'b' }],
    ]);
    expect(iteratorTypes).toEqual(['s1:LATEST', 's2:TRIM_HORIZON']);
    expect(tails.stop(tailId)).toBe(true);
    await waitUntil(async () => statuses.find((s) => s.state === 'stopped'), {
      what: 'stopped',
      timeoutMs: 5000,
    });
    expect(statuses[0]).toEqual({ tailId, state: 'running', shards: 1 });
  });
});
