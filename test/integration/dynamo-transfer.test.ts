import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DOWNLOAD_PATH } from '../../src/main/files/download-registry';
import type { Channel } from '../../src/shared/contract';
import type { DynamoItem } from '../../src/shared/models/dynamo';
import type { FileFormat } from '../../src/shared/models/dynamo-schemas';
import { formatPlainItem } from '../../src/shared/models/dynamo-values';
import {
  DYNAMO_PROFILE,
  DYNAMO_REGION,
  startDynamoWorkspace,
  type DynamoWorkspace,
} from '../support/dynamo-workspace';
import { waitUntil } from '../support/wait-until';
import { makeTempDir } from '../support/temp-dir';

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
  // As the page does: the file's text goes to the main process, which writes it in a folder of its own.
  const importFile = async (table: string, path: string, format: FileFormat) => {
    const text = await readFile(path, 'utf8');
    const { jobId } = await app.call('dynamo.importText', { ...ref, table, format, text });
    return app.jobEnd(jobId);
  };
  /** The file a finished browser-mode export offers for download, read once as the server would. */
  const download = async (jobId: string): Promise<string> => {
    const { downloadUrl } = await app.call('dynamo.exportDownload', { jobId });
    const pending = app.files.downloads.take(downloadUrl.slice(DOWNLOAD_PATH.length))!;
    try {
      return await readFile(pending.path, 'utf8');
    } finally {
      await app.files.downloads.release(pending);
    }
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
      const { jobId, fileName, delivery } = await app.call('dynamo.exportFile', {
        ...ref,
        request: { mode: 'scan', table: SOURCE, limit: 200 },
        format,
        segments: 2,
      });
      expect({ fileName, delivery }).toEqual({
        fileName: `${SOURCE}.${format === 'dynamodb-json' ? 'json' : format}`,
        delivery: 'download',
      });
      const end = await app.jobEnd(jobId!);
      expect(end).toMatchObject({ state: 'done', kind: 'export', processed: 1000 });
      const path = join(app.dir.path, `export.${format}`);
      await writeFile(path, await download(jobId!));
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

  it('refuses a file path from the page: nothing outside the app is written or read', async () => {
    const home = await makeTempDir('home');
    try {
      const bashrc = join(home.path, '.bashrc');
      const secret = join(home.path, 'secret.jsonl');
      await writeFile(bashrc, 'alias ls="ls --color"\n');
      await writeFile(secret, '{"UserID": "stolen", "Name": "from a private file"}\n');
      const target = 'dyn-transfer-paths';
      await createUsers(target);
      // The channels that once took a path are gone; the ones that replaced them refuse a `path` field.
      const attempts: [string, unknown][] = [
        [
          'dynamo.export',
          { ...ref, request: { mode: 'scan', table: SOURCE }, format: 'jsonl', path: bashrc },
        ],
        ['dynamo.import', { ...ref, table: target, format: 'jsonl', path: secret }],
        [
          'dynamo.exportFile',
          { ...ref, request: { mode: 'scan', table: SOURCE }, format: 'jsonl', path: bashrc },
        ],
        [
          'dynamo.importText',
          { ...ref, table: target, format: 'jsonl', text: '{"UserID": "x"}', path: secret },
        ],
      ];
      for (const [channel, req] of attempts) {
        const error = await app.failure(channel as Channel, req);
        expect(error.code).toMatch(/^(UNKNOWN_CHANNEL|INVALID_REQUEST)$/);
        expect(error.message).toMatch(/Unknown channel|Unrecognized key.*path/);
      }
      const made = await app.failure('dynamo.exportDownload', { jobId: 'made-up' });
      expect(made).toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringMatching(/no file to download/),
      });
      expect(await readFile(bashrc, 'utf8')).toBe('alias ls="ls --color"\n');
      expect((await readdir(home.path)).sort()).toEqual(['.bashrc', 'owner.pid', 'secret.jsonl']);
      expect(await scanAll(target)).toEqual([]);
    } finally {
      await home.remove();
    }
  });

  it('leaves no file behind when an export is cancelled', async () => {
    const { jobId } = await app.call('dynamo.exportFile', {
      ...ref,
      request: { mode: 'scan', table: SOURCE, limit: 1 },
      format: 'jsonl',
    });
    await app.call('dynamo.cancelJob', { jobId: jobId! });
    expect((await app.jobEnd(jobId!)).state).toBe('cancelled');
    await waitUntil(
      async () => ((await readdir(join(app.dir.path, 'tmp', 'transfers'))).length === 0 ? true : undefined),
      { what: 'the export folder to be deleted', timeoutMs: 5000, intervalMs: 20 },
    );
    expect((await app.failure('dynamo.exportDownload', { jobId: jobId! })).code).toBe('NOT_FOUND');
  });
});
