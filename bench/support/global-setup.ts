import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { formatReport, type BenchMetric } from './bench-report';

/** Collects every suite's metrics (suites run in workers) and prints one summary when all are done. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'rdx-bench-'));
  const file = join(dir, 'metrics.jsonl');
  project.provide('benchResultsFile', file);
  return () => {
    let metrics: BenchMetric[] = [];
    try {
      metrics = readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as BenchMetric);
    } catch {
      // No suite recorded anything (all failed before measuring).
    }
    console.log(
      `\n# Benchmark results (${new Date().toISOString()}, ${process.platform}/${process.arch})${formatReport(metrics)}\n`,
    );
    rmSync(dir, { recursive: true, force: true });
  };
}
