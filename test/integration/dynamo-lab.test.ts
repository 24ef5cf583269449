import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../src/shared/channels';
import type { EventPayload } from '../../src/shared/contract';
import type { DynamoJobProgress } from '../../src/shared/models/dynamo';
import { formatPlainItem } from '../../src/shared/models/dynamo-values';
import { startAppWithLab, type AppWithLab } from '../support/app-with-lab';
import { makeTempDir, type TempDir } from '../support/temp-dir';
import { waitUntil } from '../support/wait-until';

const ref = { profile: '@lab', region: 'us-east-1' };
const TABLE = 'Throttled';

describe('the DynamoDB workspace on the lab (dynalite behind the edge)', () => {
  let app: AppWithLab;
  let dir: TempDir;
  const events: { event: EventName; payload: unknown }[] = [];
  const eventsOf = <E extends EventName>(event: E): EventPayload<E>[] =>
    events.filter((e) => e.event === event).map((e) => e.payload as EventPayload<E>);
  const setThrottle = async (share: number): Promise<void> => {
    const res = await fetch(`${app.endpoint}/_lab/fault`, {
      method: 'POST',
      headers: app.adminHeaders(),
      body: JSON.stringify({ kind: 'throttle', share }),
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    dir = await makeTempDir('dynamo-lab');
    app = await startAppWithLab('dynamo-lab');
    app.services.events.subscribe((event, payload) => events.push({ event, payload }));
    await app.call('dynamo.createTable', {
      ...ref,
      definition: { table: TABLE, partitionKey: { name: 'id', type: 'S' }, billingMode: 'PAY_PER_REQUEST' },
    });
  });

  afterAll(async () => {
    await app?.close();
    await dir?.remove();
  });

  it('imports through a 30% throttling fault, retrying with backoff and saying so', async () => {
    const path = join(dir.path, 'items.jsonl');
    const lines = Array.from({ length: 1000 }, (_, i) =>
      formatPlainItem({ id: { S: `i${i}` }, n: { N: String(i) } }, 0),
    );
    await writeFile(path, lines.join('\n'));
    await setThrottle(0.3);
    let end: DynamoJobProgress;
    try {
      const text = await readFile(path, 'utf8');
      const { jobId } = await app.call('dynamo.importText', { ...ref, table: TABLE, text, format: 'jsonl' });
      end = await waitUntil(
        async () => eventsOf('dynamo.jobProgress').find((p) => p.jobId === jobId && p.state !== 'running'),
        { what: 'the import to end', timeoutMs: 120_000, intervalMs: 50 },
      );
    } finally {
      await setThrottle(0);
    }
    expect(end).toMatchObject({ state: 'done', processed: 1000, report: { written: 1000, rejected: [] } });
    expect(end.retries).toBeGreaterThan(0);
    const notices = eventsOf('dynamo.throttled').filter((n) => n.jobId === end.jobId);
    expect(notices.length).toBe(end.retries);
    expect(notices[0]).toMatchObject({
      operation: 'BatchWriteItem',
      table: TABLE,
      awsCode: 'ProvisionedThroughputExceededException',
      attempt: expect.any(Number),
    });
    const { jobId } = await app.call('dynamo.fetchAll', {
      ...ref,
      request: { mode: 'scan', table: TABLE, limit: 500 },
    });
    await waitUntil(
      async () => eventsOf('dynamo.jobProgress').find((p) => p.jobId === jobId && p.state === 'done'),
      {
        what: 'the scan to end',
        timeoutMs: 30_000,
      },
    );
    const count = eventsOf('dynamo.items')
      .filter((e) => e.jobId === jobId)
      .reduce((n, e) => n + e.items.length, 0);
    expect(count).toBe(1000);
  });

  it('reports what dynalite lacks as UNSUPPORTED, before calling it', async () => {
    expect(await app.call('dynamo.endpoint', ref)).toEqual({
      backend: 'dynalite',
      partiql: false,
      transactions: false,
      streams: false,
      ttl: false,
    });
    const attempts = [
      app.failure('dynamo.partiql', { ...ref, statement: `SELECT * FROM "${TABLE}"` }),
      app.failure('dynamo.transactWrite', {
        ...ref,
        changes: [{ kind: 'delete', table: TABLE, key: { id: { S: 'i1' } } }],
      }),
      app.failure('dynamo.startStream', { ...ref, table: TABLE }),
      app.failure('dynamo.updateTtl', { ...ref, table: TABLE, enabled: true, attribute: 'exp' }),
    ];
    const errors = await Promise.all(attempts);
    expect(errors.map((e) => e.code)).toEqual(['UNSUPPORTED', 'UNSUPPORTED', 'UNSUPPORTED', 'UNSUPPORTED']);
    expect(errors[0]?.message).toMatch(/^PartiQL is not available on this endpoint \(dynalite\)/);
    // The table's detail still loads: what dynalite cannot describe is left out, not an error.
    const detail = await app.call('dynamo.describeTable', { ...ref, table: TABLE });
    expect(detail).toMatchObject({ name: TABLE, stream: { enabled: false } });
  });
});
