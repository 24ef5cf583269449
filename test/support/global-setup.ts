import type { TestProject } from 'vitest/node';
import { startHarness, type HarnessInfo } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    harness: HarnessInfo;
  }
}

/**
 * vitest globalSetup for the integration project: one set of real servers per run, shared by all test
 * files (they use unique names), stopped by the returned teardown even when tests fail.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const harness = await startHarness();
  const { stop, ...info } = harness;
  console.log(`[harness] started in ${JSON.stringify(info.startupMs)} ms`);
  project.provide('harness', info);
  return async () => {
    const started = performance.now();
    await stop();
    console.log(`[harness] stopped in ${Math.round(performance.now() - started)} ms`);
  };
}
