import { appendFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { BenchStat } from './stats';

declare module 'vitest' {
  export interface ProvidedContext {
    benchResultsFile: string;
  }
}

/** One number a suite measured, with the baseline measured in the same run and the design's target. */
export interface BenchMetric {
  suite: string;
  name: string;
  /** 'ms', 'rows/s', ... */
  unit: string;
  /** Which way is better, for the target and the ratio's reading. */
  better: 'lower' | 'higher';
  measured: BenchStat;
  /** The same work done the plain way (raw driver or SDK) in the same run. */
  baseline?: BenchStat & { name: string };
  /** DESIGN.md §7's target for the median, e.g. { value: 300, text: '< 300 ms' }. */
  target?: { value: number; text: string };
  /** Anything a reader needs to trust the number (sample count, setup). */
  note?: string;
}

/** Records a metric for the summary table printed at the end of `npm run bench`. */
export function recordMetric(metric: BenchMetric): void {
  appendFileSync(inject('benchResultsFile'), `${JSON.stringify(metric)}\n`);
}

const fmt = (n: number): string =>
  Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);

function meets(metric: BenchMetric): string {
  if (!metric.target) return '';
  const { median } = metric.measured;
  const ok = metric.better === 'lower' ? median < metric.target.value : median >= metric.target.value;
  return ok ? 'yes' : 'NO';
}

/** The metrics as one readable table per suite. */
export function formatReport(metrics: BenchMetric[]): string {
  const header = ['metric', 'measured (median / p95)', 'baseline (median / p95)', 'ratio', 'target', 'met'];
  const lines: string[] = [];
  const suites = [...new Set(metrics.map((m) => m.suite))];
  for (const suite of suites) {
    const rows = metrics
      .filter((m) => m.suite === suite)
      .map((m) => [
        m.name,
        `${fmt(m.measured.median)} / ${fmt(m.measured.p95)} ${m.unit}`,
        m.baseline
          ? `${fmt(m.baseline.median)} / ${fmt(m.baseline.p95)} ${m.unit} (${m.baseline.name})`
          : '-',
        m.baseline ? `${(m.measured.median / m.baseline.median).toFixed(2)}x` : '-',
        m.target?.text ?? '-',
        meets(m) || '-',
      ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    const line = (cells: string[]): string =>
      `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
    lines.push('', `## ${suite}`, line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    lines.push(...rows.map(line));
    for (const m of metrics.filter((x) => x.suite === suite && x.note)) lines.push(`  ${m.name}: ${m.note}`);
  }
  return lines.join('\n');
}
