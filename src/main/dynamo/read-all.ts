import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { BuiltExpression } from '../../shared/models/dynamo';
import type { DynamoConnection } from './dynamo-connector';
import type { JobHandle } from './jobs';
import { readRaw } from './read-page';

export type PageSink = (items: Record<string, AttributeValue>[]) => Promise<void> | void;

/**
 * Reads every page of a scan or query; scans in `segments` parallel segments (TotalSegments), each
 * following its own LastEvaluatedKey. Stops early when `sink` returns after `maxItems` or on cancel.
 */
export async function readAll(
  conn: DynamoConnection,
  built: BuiltExpression,
  job: JobHandle,
  sink: PageSink,
  opts: { segments?: number; maxItems?: number } = {},
): Promise<void> {
  const total = built.operation === 'Scan' ? Math.max(1, opts.segments ?? 1) : 1;
  const max = opts.maxItems ?? Number.POSITIVE_INFINITY;
  const segment = async (index: number): Promise<void> => {
    let start: Record<string, AttributeValue> | undefined;
    do {
      if (job.signal.aborted || job.processed >= max) return;
      const page = await readRaw(
        conn,
        built,
        start,
        job.ctx,
        total > 1 ? { segment: index, total } : undefined,
      );
      job.addConsumed(page.consumed);
      const room = max - job.processed;
      const items = page.items.length > room ? page.items.slice(0, room) : page.items;
      job.processed += items.length;
      await sink(items);
      job.report();
      start = page.next;
    } while (start);
  };
  await Promise.all(Array.from({ length: total }, (_, i) => segment(i)));
}
