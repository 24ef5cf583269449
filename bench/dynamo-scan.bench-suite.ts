import { createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DynamoDBClient,
  ScanCommand,
  paginateScan,
  type AttributeValue,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWNLOAD_PATH } from '../src/main/files/download-registry';
import type { DynamoJobProgress } from '../src/shared/models/dynamo';
import {
  DYNAMODB_LOCAL_CREDENTIALS,
  startDynamoDbLocal,
  type DynamoDbLocal,
} from '../test/support/dynamodb-local';
import {
  DYNAMO_PROFILE,
  DYNAMO_REGION,
  startDynamoWorkspace,
  type DynamoWorkspace,
} from '../test/support/dynamo-workspace';
import { waitUntil } from '../test/support/wait-until';
import { recordMetric } from './support/bench-report';
import { summarize, timed } from './support/stats';

const SUITE = 'DynamoDB full scan/export of 100,000 items of ~1 KB (DynamoDB Local)';
const TABLE = 'BenchItems';
const ITEMS = 100_000;
const SEGMENTS = 4;
/** Items per Scan page for both sides: DynamoDB Local is slow on pages that end at the 1 MB cap. */
const LIMIT = 1000;
const RUNS = 5;
const FIRST_PAGE_RUNS = 15;
const ref = { profile: DYNAMO_PROFILE, region: DYNAMO_REGION };

const setsAsLists = (_key: string, value: unknown): unknown =>
  value instanceof Set ? [...(value as Set<unknown>)] : value;

/** About 1 KB in DynamoDB's size accounting: names plus values. */
function item(n: number): Record<string, AttributeValue> {
  return {
    id: { S: `item-${String(n).padStart(6, '0')}` },
    n: { N: String(n) },
    price: { N: (n / 100).toFixed(2) },
    name: { S: `customer ${n}` },
    active: { BOOL: n % 2 === 0 },
    tags: { SS: ['bench', `t${n % 10}`] },
    payload: { S: 'x'.repeat(900) },
  };
}

describe(SUITE, () => {
  let local: DynamoDbLocal;
  let app: DynamoWorkspace;
  let sdk: DynamoDBClient;

  beforeAll(async () => {
    local = await startDynamoDbLocal();
    app = await startDynamoWorkspace(local.endpoint);
    // A client of its own for the baseline: the plain SDK as a script would make it.
    sdk = new DynamoDBClient({
      endpoint: local.endpoint,
      region: DYNAMO_REGION,
      credentials: DYNAMODB_LOCAL_CREDENTIALS,
    });
    await sdk.send(
      new CreateTableCommand({
        TableName: TABLE,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await load();
  }, 300_000);

  afterAll(async () => {
    sdk?.destroy();
    await app?.close();
    await local?.stop();
  });

  /** 100,000 items with BatchWriteItem, 8 requests at a time, unprocessed items sent again. */
  async function load(): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ITEMS) {
        const start = next;
        next = Math.min(ITEMS, next + 25);
        let pending: WriteRequest[] = [];
        for (let i = start; i < next; i++) pending.push({ PutRequest: { Item: item(i) } });
        while (pending.length > 0) {
          const out = await sdk.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: pending } }));
          pending = out.UnprocessedItems?.[TABLE] ?? [];
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }

  async function jobEnd(jobId: string): Promise<DynamoJobProgress> {
    return waitUntil(
      async () => app.eventsOf('dynamo.jobProgress').find((p) => p.jobId === jobId && p.state !== 'running'),
      { what: `job ${jobId} to end`, timeoutMs: 300_000, intervalMs: 5 },
    );
  }

  /**
   * The app's export: `dynamo.exportFile` (scan in parallel segments, JSON lines to a file in the app's
   * own folder), timed to the end of the job; the finished download is then moved to `path`.
   */
  async function appExport(path: string): Promise<number> {
    let exported = '';
    const ms = await timed(async () => {
      const { jobId } = await app.call('dynamo.exportFile', {
        ...ref,
        request: { mode: 'scan', table: TABLE, limit: LIMIT },
        format: 'jsonl',
        segments: SEGMENTS,
      });
      exported = jobId!;
      const end = await jobEnd(exported);
      expect(end).toMatchObject({ state: 'done', processed: ITEMS });
    });
    const { downloadUrl } = await app.call('dynamo.exportDownload', { jobId: exported });
    const pending = app.files.downloads.take(downloadUrl.slice(DOWNLOAD_PATH.length))!;
    await rename(pending.path, path);
    await app.files.downloads.release(pending);
    app.events.length = 0;
    return ms;
  }

  /** The app's fetch all: `dynamo.fetchAll`, items converted and pushed as `dynamo.items` events. */
  async function appFetchAll(): Promise<number> {
    const ms = await timed(async () => {
      const { jobId } = await app.call('dynamo.fetchAll', {
        ...ref,
        request: { mode: 'scan', table: TABLE, limit: LIMIT },
        segments: SEGMENTS,
        maxItems: ITEMS,
      });
      const end = await jobEnd(jobId);
      expect(end).toMatchObject({ state: 'done', processed: ITEMS });
    });
    const pushed = app.eventsOf('dynamo.items').reduce((n, e) => n + e.items.length, 0);
    expect(pushed).toBe(ITEMS);
    app.events.length = 0;
    return ms;
  }

  /** The raw SDK: `paginateScan` per segment with an explicit Limit; `sink` sees each page. */
  async function rawScan(
    segments: number,
    sink: (items: Record<string, AttributeValue>[]) => void | Promise<void>,
    capacity = false,
  ): Promise<number> {
    let count = 0;
    await Promise.all(
      Array.from({ length: segments }, async (_, segment) => {
        const pages = paginateScan(
          { client: sdk },
          {
            TableName: TABLE,
            Limit: LIMIT,
            ...(segments > 1 ? { Segment: segment, TotalSegments: segments } : {}),
            // The app asks for this on every call (it shows what each call costs).
            ...(capacity ? { ReturnConsumedCapacity: 'INDEXES' as const } : {}),
          },
        );
        for await (const page of pages) {
          count += page.Items?.length ?? 0;
          await sink(page.Items ?? []);
        }
      }),
    );
    return count;
  }

  /** The plain way to export: the paginator, `unmarshall`, JSON.stringify, a write stream. */
  async function rawExport(path: string): Promise<number> {
    return timed(async () => {
      const out = createWriteStream(path);
      const count = await rawScan(SEGMENTS, async (items) => {
        const chunk = items.map((i) => `${JSON.stringify(unmarshall(i), setsAsLists)}\n`).join('');
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      });
      await new Promise<void>((resolve, reject) =>
        out.end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
      expect(count).toBe(ITEMS);
    });
  }

  it('exports and fetches every item through the app vs the raw SDK paginator', async () => {
    const appFile = join(app.dir.path, 'app.jsonl');
    const rawFile = join(app.dir.path, 'raw.jsonl');
    // Warm-up: DynamoDB Local's JIT and page cache, V8's.
    await appExport(appFile);
    await rm(appFile, { force: true });
    await rawExport(rawFile);
    const exports = { app: [] as number[], raw: [] as number[] };
    const fetches = {
      app: [] as number[],
      raw: [] as number[],
      rawOne: [] as number[],
      rawCapacity: [] as number[],
    };
    for (let i = 0; i < RUNS; i++) {
      exports.app.push(await appExport(appFile));
      if (i === 0) {
        // The file is what a user gets: every item, one JSON object a line.
        const lines = (await readFile(appFile, 'utf8')).trimEnd().split('\n');
        expect(lines).toHaveLength(ITEMS);
        expect(JSON.parse(lines[0] ?? '{}')).toHaveProperty('payload');
      }
      await rm(appFile, { force: true });
      exports.raw.push(await rawExport(rawFile));
      await rm(rawFile, { force: true });
      fetches.app.push(await appFetchAll());
      fetches.raw.push(await timed(async () => expect(await rawScan(SEGMENTS, () => undefined)).toBe(ITEMS)));
      fetches.rawOne.push(await timed(async () => expect(await rawScan(1, () => undefined)).toBe(ITEMS)));
      fetches.rawCapacity.push(
        await timed(async () => expect(await rawScan(SEGMENTS, () => undefined, true)).toBe(ITEMS)),
      );
    }
    const bytes = await sizeOfOneExport(appFile);

    const rate = (ms: number): number => ITEMS / (ms / 1000);
    const stat = (runs: number[]) => summarize(runs.map(rate));
    recordMetric({
      suite: SUITE,
      name: `export to JSON lines: app (dynamo.export, ${SEGMENTS} segments) vs raw SDK`,
      unit: 'items/s',
      better: 'higher',
      measured: stat(exports.app),
      baseline: {
        ...stat(exports.raw),
        name: `paginateScan Limit ${LIMIT} x ${SEGMENTS} segments + unmarshall + write`,
      },
      target: { value: stat(exports.raw).median, text: '>= 1.0x raw SDK' },
      note: `${RUNS} runs after a warm-up; file ${(bytes / 1024 / 1024).toFixed(0)} MB; ratio = app / raw`,
    });
    recordMetric({
      suite: SUITE,
      name: `fetch all: app (dynamo.fetchAll, items as events) vs raw SDK, ${SEGMENTS} segments`,
      unit: 'items/s',
      better: 'higher',
      measured: stat(fetches.app),
      baseline: {
        ...stat(fetches.raw),
        name: `paginateScan Limit ${LIMIT} x ${SEGMENTS} segments, items counted`,
      },
      target: { value: stat(fetches.raw).median, text: '>= 1.0x raw SDK' },
      note: 'the app converts every item to its wire form and emits it; the baseline only counts them',
    });
    recordMetric({
      suite: SUITE,
      name: 'fetch all: app vs raw SDK in one segment',
      unit: 'items/s',
      better: 'higher',
      measured: stat(fetches.app),
      baseline: { ...stat(fetches.rawOne), name: `paginateScan Limit ${LIMIT}, one segment` },
    });
    recordMetric({
      suite: SUITE,
      name: `fetch all: app vs raw SDK asking for consumed capacity, ${SEGMENTS} segments`,
      unit: 'items/s',
      better: 'higher',
      measured: stat(fetches.app),
      baseline: {
        ...stat(fetches.rawCapacity),
        name: 'the same paginator with ReturnConsumedCapacity INDEXES',
      },
      note: 'what the per-call cost display asks of the server, measured on the raw SDK alone',
    });
    console.log(
      `[dynamo-scan] export app ${Math.round(stat(exports.app).median)} items/s, raw ${Math.round(stat(exports.raw).median)} items/s ` +
        `(${(stat(exports.app).median / stat(exports.raw).median).toFixed(2)}x); fetch all app ${Math.round(stat(fetches.app).median)}, ` +
        `raw ${Math.round(stat(fetches.raw).median)} (${(stat(fetches.app).median / stat(fetches.raw).median).toFixed(2)}x)`,
    );
  }, 600_000);

  /** One more app export, kept on disk long enough to weigh it. */
  async function sizeOfOneExport(path: string): Promise<number> {
    await appExport(path);
    const { size } = await stat(path);
    await rm(path, { force: true });
    return size;
  }

  it('answers the first page of 100 items within the target, vs one raw Scan', async () => {
    const appRuns: number[] = [];
    const rawRuns: number[] = [];
    for (let i = 0; i < FIRST_PAGE_RUNS + 2; i++) {
      const appMs = await timed(async () => {
        const page = await app.call('dynamo.read', {
          ...ref,
          request: { mode: 'scan', table: TABLE, limit: 100 },
        });
        expect(page.items).toHaveLength(100);
      });
      const rawMs = await timed(async () => {
        const page = await sdk.send(new ScanCommand({ TableName: TABLE, Limit: 100 }));
        expect(page.Items).toHaveLength(100);
      });
      // The first two of each are warm-up.
      if (i >= 2) {
        appRuns.push(appMs);
        rawRuns.push(rawMs);
      }
    }
    const measured = summarize(appRuns);
    recordMetric({
      suite: SUITE,
      name: 'first page (Scan, 100 items): app (dynamo.read) vs raw Scan',
      unit: 'ms',
      better: 'lower',
      measured,
      baseline: { ...summarize(rawRuns), name: 'ScanCommand Limit 100' },
      target: { value: 200, text: '< 200 ms' },
      note: `${FIRST_PAGE_RUNS} runs; the app's answer is converted to its wire form (main process side, no renderer)`,
    });
    console.log(
      `[dynamo-scan] first page app ${measured.median.toFixed(1)} ms, raw ${summarize(rawRuns).median.toFixed(1)} ms`,
    );
  }, 120_000);
});
