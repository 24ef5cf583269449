// `npm test`: typecheck, lint, build, unit, integration and e2e, then one summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const REPORTS = 'test-results/reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const bin = (name) => join('node_modules', '.bin', name);
const stages = [
  { name: 'typecheck', cmd: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'lint', cmd: ['npm', 'run', '--silent', 'lint'] },
  { name: 'build', cmd: [process.execPath, 'scripts/build-if-needed.mjs', '--force'] },
  ...['unit', 'integration'].map((project) => ({
    name: project,
    cmd: [
      bin('vitest'),
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${REPORTS}/${project}.json`,
    ],
    counts: () => {
      const r = JSON.parse(readFileSync(`${REPORTS}/${project}.json`, 'utf8'));
      return {
        passed: r.numPassedTests,
        failed: r.numFailedTests,
        skipped: r.numPendingTests + r.numTodoTests,
      };
    },
  })),
  {
    name: 'e2e',
    cmd: [bin('playwright'), 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json` },
    counts: () => {
      const { stats } = JSON.parse(readFileSync(`${REPORTS}/e2e.json`, 'utf8'));
      return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
    },
  },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];
for (const stage of stages) {
  console.log(`\n=== ${stage.name} ===`);
  const started = Date.now();
  const run = spawnSync(stage.cmd[0], stage.cmd.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...stage.env },
  });
  let counts;
  try {
    counts = stage.counts?.();
  } catch {
    counts = undefined;
  }
  if (counts) for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
  if (run.status !== 0) {
    failedStages.push(stage.name);
    // A stage that failed before reporting any test still counts as a failure in the summary.
    if (stage.counts && !counts?.failed) totals.failed += 1;
  }
  console.log(
    `=== ${stage.name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (failedStages.length) console.log(`\nFailed stages: ${failedStages.join(', ')}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(failedStages.length ? 1 : 0);
