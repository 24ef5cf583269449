import { readdir } from 'node:fs/promises';
import type { LeftoverOutcome } from '../../engine/leftovers';
import type { NodeRuntime } from './node-runtime';

export interface LeftoverReport {
  instanceId: string;
  node: string;
  outcome: Exclude<LeftoverOutcome, { kind: 'none' }>;
}

/** Ends servers a crashed run left behind, for every node folder on disk (recorded or not). */
export async function endLeftovers(
  nodes: NodeRuntime,
  instanceIds: readonly string[],
): Promise<LeftoverReport[]> {
  const reports: LeftoverReport[] = [];
  for (const instanceId of instanceIds) {
    const names = await readdir(nodes.instanceDir(instanceId)).catch(() => [] as string[]);
    for (const node of names.filter((name) => name.startsWith('node-'))) {
      const outcome = await nodes.endLeftover(instanceId, node);
      if (outcome.kind !== 'none') reports.push({ instanceId, node, outcome });
    }
  }
  return reports;
}
