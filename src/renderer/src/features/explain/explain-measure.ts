import type { ExplainNode, ExplainResult } from '@shared/models/explain';

export interface FlatNode {
  node: ExplainNode;
  depth: number;
  /** The node's share of the largest value of the plan's measure, 0..1. */
  share: number;
  value: number | undefined;
}

export function measureValue(node: ExplainNode, measure: ExplainResult['measure']): number | undefined {
  if (measure === 'cost') return node.cost;
  if (measure === 'time') return node.rTotalTimeMs;
  return node.rows !== undefined ? node.rows : node.rRows;
}

/** The tree in display order, depth-first, with each step's bar length. */
export function flattenPlan(root: ExplainNode, measure: ExplainResult['measure']): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (node: ExplainNode, depth: number): void => {
    out.push({ node, depth, share: 0, value: measureValue(node, measure) });
    node.children.forEach((c) => walk(c, depth + 1));
  };
  walk(root, 0);
  // The root (the whole query) would always win; bars compare the steps inside it.
  const max = Math.max(0, ...out.slice(1).map((f) => f.value ?? 0));
  for (const f of out) f.share = max > 0 && f.value !== undefined ? Math.min(1, f.value / max) : 0;
  return out;
}

export function formatNumber(value: number | undefined, digits = 0): string {
  if (value === undefined) return '';
  return value.toLocaleString(undefined, { maximumFractionDigits: digits });
}
