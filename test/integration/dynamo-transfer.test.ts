import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DynamoItem } from '../../src/shared/models/dynamo';
import type { FileFormat } from '../../src/shared/models/dynamo-schemas';
import { formatPlainItem } from '../../src/shared/models/dynamo-values';
import {
  DYNAMO_PROFILE,
  DYNAMO_REGION,
  startDynamoWorkspace,
  type DynamoWorkspace,
} from '../support/dynamo-workspace';

const endpoint = inject('harness').dynamodb?.endpoint ?? '';
const ref = { profile: DYNAMO_PROFILE, region: DYNAMO_REGION };
const SOURCE = 'dyn-transfer-Users';

function user(n: number): DynamoItem {
  return {
    UserID: { S: String(1000 + n) },
    Name: { S: `User ${n}` },
    Score: { N: n % 7 === 0 ? '12345678901234567890123456789012345678' : String(n / 4) },
    Active: { BOOL: n % 2 === 0 },
    ...(n % 3 === 0 ? { Tags: { SS: ['a', `t${n}`] }, Lucky: { NS: ['7', String(n)] } } : {}),
    ...(n % 4 === 0 ? { Avatar: { B: Buffer.from([n % 256, 1, 2]).toString('base64') } } : {}),
    ...(n % 5 === 0
      ? {
          Address: {
            M: { city: { S: 'Dhaka' }, zip: { N: '1207' }, lines: { L: [{ S: 'x' }, { NULL: true }] } },
          },
        }
      : {}),
    // CSV cannot tell an empty string or NULL from an absent attribute; the other formats keep them.
    ...(n % 11 === 0 ? { Note: { S: '' }, Gone: { NULL: true } } : {}),
  };
}

// Sets are unordered: the service returns their members in an order of its own.
const sortSets = (item: DynamoItem): DynamoItem =>
  Object.fromEntries(
    Object.entries(item).map(([k, v]) => [
      k,
      'SS' in v ? { SS: [...v.SS].sort() } : 'NS' in v ? { NS: [...v.NS].sort() } : v,
    ]),
  );
const byId = (items: DynamoItem[]): DynamoItem[] =>
  items
    .map(sortSets)
    .sort((a, b) => ((a.UserID as { S: string }).S < (b.UserID as { S: string }).S ? -1 : 1));

describe('DynamoDB import and export on DynamoDB Local', () => {
  let app: DynamoWorkspace;
  const createUsers = (table: string) =>
    app.call('dynamo.createTable', {
      ...ref,
      definition: { table, partitionKey: { name: 'UserID', type: 'S' }, billingMode: 'PAY_PER_REQUEST' },
    });
  const scanAll = async (table: string): Promise<DynamoItem[]> => {
    const { jobId } = await app.call('dynamo.fetchAll', {
      ...ref,
      request: { mode: 'scan', table, limit: 500 },
    });
    await app.jobEnd(jobId);
    return byId(
      app
        .eventsOf('dynamo.items')
        .filter((e) => e.jobId === jobId)
        .flatMap((e) => e.items),
    );
  };
  const importFile = async (table: string, path: string, format: FileFormat) => {
    const { jobId } = await app.call('dynamo.import', { ...ref, table, path, format });
    return app.jobEnd(jobId);
  };

  beforeAll(async () => {
    app = await startDynamoWorkspace(endpoint);
    await createUsers(SOURCE);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('imports about a thousand items in batches of 25 and reports each rejected one with its reason', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => formatPlainItem(user(i + 1), 0));
    // Rejected before sending: malformed JSON, a missing key, a key of the wrong type, an empty key.
    lines.splice(10, 0, '{"UserID": "bad", "Name": ');
    lines.splice(20, 0, '{"Name": "no key"}');
    lines.splice(30, 0, '{"UserID": 42}');
    lines.splice(40, 0, '{"UserID": ""}');
    // Refused by the service: more than 38 significant digits.
    lines.splice(50, 0, '{"UserID": "x-digits", "n": 123456789012345678901234567890123456789012}');
    const path = join(app.dir.path, 'users.jsonl');
    await writeFile(path, `${lines.join('\n')}\n`);
    const end = await importFile(SOURCE, path, 'jsonl');
    expect(end).toMatchObject({ state: 'done', kind: 'import', total: 1005, processed: 1005 });
    expect(end.report?.written).toBe(1000);
    expect(end.report?.rejected.map((r) => [r.line, r.reason])).toEqual([
      [11, expect.stringMatching(/Unexpected "the end of the text"|end of the text/)],
      [21, 'The key attribute UserID is missing'],
      [31, 'The key attribute UserID must be of type S'],
      [41, 'The key attribute UserID is empty'],
      [51, expect.stringMatching(/38/)],
    ]);
    expect(end.consumed.writeUnits).toBeGreaterThanOrEqual(1000);
    const progress = app.eventsOf('dynamo.jobProgress').filter((p) => p.jobId === end.jobId);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const stored = await scanAll(SOURCE);
    expect(stored).toEqual(byId(Array.from({ length: 1000 }, (_, i) => user(i + 1))));
  });

  it.each(['jsonl', 'dynamodb-json', 'csv'] as const)(
    'exports to %s and imports it back unchanged',
    async (format) => {
      const path = join(app.dir.path, `export.${format}`);
      const { jobId } = await app.call('dynamo.export', {
        ...ref,
        request: { mode: 'scan', table: SOURCE, limit: 200 },
        format,
        path,
        segments: 2,
      });
      const end = await app.jobEnd(jobId);
      expect(end).toMatchObject({ state: 'done', kind: 'export', processed: 1000, path });
      const target = `dyn-transfer-from-${format}`;
      await createUsers(target);
      const imported = await importFile(target, path, format);
      expect(imported.report).toEqual({ written: 1000, rejected: [] });
      const original = await scanAll(SOURCE);
      const expected =
        format === 'csv' ? original.map(({ Note: _note, Gone: _gone, ...rest }) => rest) : original;
      expect(await scanAll(target)).toEqual(expected);
    },
  );

  it('leaves no file behind when an export is cancelled', async () => {
    const path = join(app.dir.path, 'cancelled.jsonl');
    const { jobId } = await app.call('dynamo.export', {
      ...ref,
      request: { mode: 'scan', table: SOURCE, limit: 1 },
      format: 'jsonl',
      path,
    });
    await app.call('dynamo.cancelJob', { jobId });
    expect((await app.jobEnd(jobId)).state).toBe('cancelled');
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(app.dir.path)).filter((f) => f.startsWith('cancelled'))).toEqual([]);
  });
});
