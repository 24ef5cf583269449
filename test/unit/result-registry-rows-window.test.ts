import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resultSource } from '../../src/main/mysql/export-sources';
import { ResultRegistry } from '../../src/main/mysql/result-store-registry';
import type { Cell } from '../../src/shared/models/sql';

let dir: string;
let registry: ResultRegistry;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rdx-rows-window-'));
  registry = new ResultRegistry({ tempRoot: dir });
});
afterEach(async () => {
  await registry.dispose();
  await rm(dir, { recursive: true, force: true });
});

const columns = [
  { name: 'id', type: 'INT', table: 't' },
  { name: 'name', type: 'VARCHAR', table: 't' },
];

function stored(count: number) {
  const { resultId, store } = registry.create('s1', columns);
  for (let i = 1; i <= count; i++) store.append([i, `row ${i}`]);
  return { resultId, store };
}

describe('ResultRegistry.rowsWindow, the sql.rows answer', () => {
  it('says a result still being read is not complete, then how reading ended', async () => {
    const { resultId, store } = stored(5);
    expect(await registry.rowsWindow(resultId, 1, 2)).toEqual({
      rows: [
        [2, 'row 2'],
        [3, 'row 3'],
      ],
      offset: 1,
      total: 5,
      complete: false,
    });
    await store.finish();
    store.finished = { stoppedAtLimit: true, durationMs: 12 };
    expect(await registry.rowsWindow(resultId, 4, 10)).toEqual({
      rows: [[5, 'row 5']],
      offset: 4,
      total: 5,
      complete: true,
      stoppedAtLimit: true,
      durationMs: 12,
    });
  });

  it('sorts and filters the window, counting the rows of the view', async () => {
    const { resultId } = stored(12);
    const reply = await registry.rowsWindow(resultId, 0, 2, [{ column: 0, desc: true }], 'row 1');
    expect(reply).toMatchObject({
      rows: [
        [12, 'row 12'],
        [11, 'row 11'],
      ],
      total: 4,
    });
  });

  it('answers NOT_FOUND for a closed result', async () => {
    const { resultId } = stored(1);
    await registry.close(resultId);
    await expect(registry.rowsWindow(resultId, 0, 10)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is what an export of a result reads: every row, waiting while more arrive', async () => {
    const { resultId, store } = stored(3);
    const source = resultSource({ kind: 'result', resultId, columns }, (id, offset, limit) =>
      registry.rowsWindow(id, offset, limit),
    );
    const read: Cell[][] = [];
    const reading = (async () => {
      for await (const batch of source.batches) {
        read.push(...batch);
        // More rows arrive after the first window; then reading ends.
        if (read.length === 3) {
          store.append([4, 'row 4']);
          await store.finish();
          store.finished = { stoppedAtLimit: false, durationMs: 1 };
        }
      }
    })();
    await reading;
    expect(read.map((r) => r[0])).toEqual([1, 2, 3, 4]);
    expect(source.table).toBe('t');
  });
});
