import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { AppError } from '../../shared/errors';
import type { StreamRecordDto, StreamTailStatus } from '../../shared/models/dynamo';
import { awsCodeOf } from '../aws/aws-errors';
import { fromAttributeMap } from './attribute-values';
import { fullJitterDelay, sleep } from './backoff';
import type { DynamoConnection, StreamsSender } from './dynamo-connector';
import { isRetryable, toDynamoError, unsupported } from './dynamo-errors';

const IDLE_MS = 500;
const REDISCOVER_MS = 10_000;

export interface StreamTailEvents {
  records(tailId: string, records: StreamRecordDto[]): void;
  status(status: StreamTailStatus): void;
}

async function describeShards(streams: StreamsSender, arn: string): Promise<Shard[]> {
  const shards: Shard[] = [];
  let start: string | undefined;
  do {
    const out = await streams.send(
      new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: start }),
    );
    shards.push(...(out.StreamDescription?.Shards ?? []));
    start = out.StreamDescription?.LastEvaluatedShardId;
  } while (start);
  return shards;
}

export function toStreamRecord(r: _Record): StreamRecordDto {
  const map = (m: Record<string, unknown> | undefined) =>
    m ? fromAttributeMap(m as Record<string, AttributeValue>) : undefined;
  const keys = map(r.dynamodb?.Keys);
  const oldImage = map(r.dynamodb?.OldImage);
  const newImage = map(r.dynamodb?.NewImage);
  return {
    eventId: r.eventID ?? randomUUID(),
    eventName: (r.eventName ?? 'MODIFY') as StreamRecordDto['eventName'],
    ...(r.dynamodb?.SequenceNumber ? { sequenceNumber: r.dynamodb.SequenceNumber } : {}),
    ...(r.dynamodb?.ApproximateCreationDateTime
      ? { approximateCreatedAt: r.dynamodb.ApproximateCreationDateTime.toISOString() }
      : {}),
    ...(keys ? { keys } : {}),
    ...(oldImage ? { oldImage } : {}),
    ...(newImage ? { newImage } : {}),
  };
}

/**
 * Live tails of tables' streams: every open shard read from LATEST, closed shards followed to their
 * children (splits), new shards picked up by describing the stream again now and then.
 */
export class StreamTails {
  private readonly tails = new Map<string, AbortController>();

  constructor(private readonly events: StreamTailEvents) {}

  async start(conn: DynamoConnection, table: string): Promise<{ tailId: string; streamArn: string }> {
    if (!conn.endpoint.streams) throw unsupported('Streams', conn.endpoint.backend);
    const described = await conn.ddb
      .send(new DescribeTableCommand({ TableName: table }))
      .catch((err: unknown) => {
        throw toDynamoError(err, `Describing table ${table}`);
      });
    const arn = described.Table?.StreamSpecification?.StreamEnabled
      ? described.Table.LatestStreamArn
      : undefined;
    if (!arn) throw new AppError('INVALID_REQUEST', `Table ${table} has no stream. Enable one to tail it.`);
    const tailId = randomUUID();
    const abort = new AbortController();
    const iterators = new Map<string, string>();
    try {
      for (const shard of await describeShards(conn.streams, arn)) {
        if (shard.SequenceNumberRange?.EndingSequenceNumber || !shard.ShardId) continue;
        iterators.set(shard.ShardId, await iterator(conn.streams, arn, shard.ShardId, 'LATEST'));
      }
    } catch (err) {
      throw toDynamoError(err, `Opening the stream of ${table}`);
    }
    this.tails.set(tailId, abort);
    this.events.status({ tailId, state: 'running', shards: iterators.size });
    void this.poll(conn.streams, arn, tailId, iterators, abort.signal);
    return { tailId, streamArn: arn };
  }

  stop(tailId: string): boolean {
    const tail = this.tails.get(tailId);
    tail?.abort();
    return tail !== undefined;
  }

  stopAll(): void {
    for (const id of [...this.tails.keys()]) this.stop(id);
  }

  private async poll(
    streams: StreamsSender,
    arn: string,
    tailId: string,
    iterators: Map<string, string>,
    signal: AbortSignal,
  ): Promise<void> {
    const seen = new Set(iterators.keys());
    let lastDiscovery = Date.now();
    let failures = 0;
    try {
      while (!signal.aborted) {
        let got = 0;
        try {
          for (const [shardId, it] of [...iterators]) {
            const out = await streams.send(new GetRecordsCommand({ ShardIterator: it, Limit: 1000 }), {
              abortSignal: signal,
            });
            if (out.Records?.length) {
              got += out.Records.length;
              this.events.records(tailId, out.Records.map(toStreamRecord));
            }
            if (out.NextShardIterator) iterators.set(shardId, out.NextShardIterator);
            else iterators.delete(shardId); // closed: its children are found below
          }
          if (iterators.size === 0 || Date.now() - lastDiscovery > REDISCOVER_MS) {
            lastDiscovery = Date.now();
            for (const shard of await describeShards(streams, arn)) {
              if (!shard.ShardId || seen.has(shard.ShardId)) continue;
              seen.add(shard.ShardId);
              // A child of a shard we read starts at its beginning, so nothing after the split is missed.
              const from = shard.ParentShardId && seen.has(shard.ParentShardId) ? 'TRIM_HORIZON' : 'LATEST';
              iterators.set(shard.ShardId, await iterator(streams, arn, shard.ShardId, from));
            }
          }
          failures = 0;
        } catch (err) {
          if (signal.aborted) break;
          if (awsCodeOf(err) === 'ExpiredIteratorException') {
            for (const shardId of [...iterators.keys()])
              iterators.set(shardId, await iterator(streams, arn, shardId, 'LATEST'));
            continue;
          }
          if (!isRetryable(err) || ++failures > 8) throw err;
          await sleep(fullJitterDelay(failures, 200, 10_000), signal);
          continue;
        }
        if (got === 0) await sleep(IDLE_MS, signal);
      }
      this.events.status({ tailId, state: 'stopped' });
    } catch (err) {
      if (signal.aborted) this.events.status({ tailId, state: 'stopped' });
      else {
        const error = toDynamoError(err, 'Reading the stream');
        this.events.status({ tailId, state: 'failed', error: { code: error.code, message: error.message } });
      }
    } finally {
      this.tails.delete(tailId);
    }
  }
}

async function iterator(
  streams: StreamsSender,
  arn: string,
  shardId: string,
  type: 'LATEST' | 'TRIM_HORIZON',
): Promise<string> {
  const out = await streams.send(
    new GetShardIteratorCommand({ StreamArn: arn, ShardId: shardId, ShardIteratorType: type }),
  );
  if (!out.ShardIterator) throw new AppError('AWS_ERROR', `No iterator for shard ${shardId}`);
  return out.ShardIterator;
}
