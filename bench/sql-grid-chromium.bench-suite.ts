/// <reference lib="dom" />
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE_FIELDS } from '../src/shared/models/profile';
import { startBrowserMode, type BrowserModeApp } from '../test/e2e/support/browser-mode';
import { startMariaDbPair, type MariaDbPair } from '../test/support/mariadb';
import { connectWs } from '../test/unit/support/ws-client';
import { recordMetric } from './support/bench-report';
import { summarize } from './support/stats';

const SUITE = 'SQL results grid in Chromium (1,000,000 rows x 8 columns, browser mode)';
const ROWS = 1_000_000;
const JUMPS = 8;
const PROFILE = 'bench grid';
// MariaDB's Sequence engine: a million rows without loading a table.
const SQL = `SELECT seq, seq % 1000 AS qty, CONCAT('customer ', seq) AS name, seq / 100 AS price, '2024-01-01 00:00:00' + INTERVAL seq SECOND AS created, seq / 7 AS ratio, LPAD(HEX(seq), 8, '0') AS code, IF(seq % 5 = 0, NULL, REPEAT('x', seq % 60)) AS note FROM seq_1_to_${ROWS}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The renderer's live JS heap in MB, after a full garbage collection. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/**
 * Scrolls the grid to `row`'s position and returns the ms until that row's first cell shows its
 * value, timed inside the page (requestAnimationFrame), so the test driver's round trips do not count.
 */
function jumpTo(page: Page, row: number, expected: string): Promise<number> {
  return page.evaluate(
    ({ row, expected }) =>
      new Promise<number>((resolve, reject) => {
        const grid = document.querySelector<HTMLElement>('[data-testid="result-grid"]');
        if (!grid) return reject(new Error('no grid'));
        const started = performance.now();
        grid.scrollTo({ top: (grid.scrollHeight * row) / Number(grid.dataset.total) });
        const check = () => {
          const cell = grid.querySelector(`[data-testid="result-cell"][data-row="${row}"][data-col="0"]`);
          if (cell?.textContent === expected) resolve(performance.now() - started);
          else if (performance.now() - started > 10_000) reject(new Error(`row ${row} never showed`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { row, expected },
  );
}

describe(SUITE, () => {
  let pair: MariaDbPair;
  let app: BrowserModeApp;
  let dataDir: string;
  let browser: Browser;

  beforeAll(async () => {
    // The app as `npm run serve` runs it, built when the sources are newer.
    const build = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the build failed');
    pair = await startMariaDbPair();
    dataDir = await mkdtemp(join(tmpdir(), 'rdx-bench-grid-'));
    app = await startBrowserMode(dataDir);
    const url = new URL(app.url);
    const client = await connectWs(`ws://${url.host}/api?token=${url.searchParams.get('token')}`, {
      Origin: url.origin,
    });
    const { host, port, password } = pair.primary;
    const saved = await client.call('profiles.save', {
      fields: { ...DEFAULT_PROFILE_FIELDS, name: PROFILE, host, port, user: 'root', database: 'mysql' },
      password,
    });
    client.close();
    if (!saved.ok) throw new Error(saved.error.message);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await pair?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('fetches all rows, jumps to the last one, and keeps the renderer heap bounded', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(app.url);
    await page.getByTestId('profile-name').filter({ hasText: PROFILE }).click();
    const tab = page.getByTestId('sql-tab').filter({ visible: true });
    const editor = tab.getByTestId('sql-editor');
    await editor.and(page.locator('[data-editor-ready="true"]')).waitFor();
    await tab.getByTestId('server-version').waitFor();
    // The baseline: the same page with the SQL tab open and no result.
    const idleHeap = await heapMb(cdp);

    await editor.locator('.view-lines').click();
    await page.keyboard.insertText(SQL);
    await page.keyboard.press('ControlOrMeta+Enter');
    const results = tab.getByTestId('results-panel');
    const status = results.getByTestId('result-status');
    await status.and(page.locator('[data-complete="true"]')).waitFor({ timeout: 60_000 });
    await results.getByTestId('fetch-all').click();
    const grid = results.getByTestId('result-grid');
    await grid.and(page.locator(`[data-total="${ROWS}"]`)).waitFor({ timeout: 300_000 });
    await status.and(page.locator('[data-complete="true"]')).waitFor({ timeout: 300_000 });

    // Each jump to rows never shown before (the last, then spread over the result), so every one
    // needs a window from the main process.
    const jumps: number[] = [];
    for (let i = 0; i < JUMPS; i++) {
      const row = i === 0 ? ROWS - 1 : Math.floor((ROWS * i) / JUMPS) + 4321;
      jumps.push(await jumpTo(page, row, String(row + 1)));
    }
    const loadedHeap = await heapMb(cdp);
    expect(jumps).toHaveLength(JUMPS);

    recordMetric({
      suite: SUITE,
      name: 'jump to a far row until it shows',
      unit: 'ms',
      better: 'lower',
      measured: summarize(jumps),
      target: { value: 100, text: '< 100 ms' },
      note: `${JUMPS} jumps to rows not loaded before (the last row first), timed in the page`,
    });
    recordMetric({
      suite: SUITE,
      name: 'renderer JS heap with 1M rows loaded',
      unit: 'MB',
      better: 'lower',
      measured: summarize([loadedHeap]),
      baseline: { ...summarize([idleHeap]), name: 'same tab, no result' },
      target: { value: 300, text: '< 300 MB' },
      note: 'after a forced GC (CDP HeapProfiler.collectGarbage); rows stay in the main process, the grid holds windows',
    });
    await page.close();
  });
});
