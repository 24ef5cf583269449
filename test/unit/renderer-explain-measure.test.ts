import { describe, expect, it } from 'vitest';
import { flattenPlan } from '../../src/renderer/src/features/explain/explain-measure';
import type { ExplainNode } from '../../src/shared/models/explain';

const node = (id: string, over: Partial<ExplainNode>, children: ExplainNode[] = []): ExplainNode => ({
  id,
  operation: id,
  children,
  ...over,
});

describe('plan bars', () => {
  it('compare each step to the largest step (not the whole query), steps without a value get none', () => {
    const root = node('query', { rTotalTimeMs: 2.5 }, [
      node('loop', {}, [node('p', { rTotalTimeMs: 0.6 }), node('o', { rTotalTimeMs: 1.2 })]),
    ]);
    const flat = flattenPlan(root, 'time');
    expect(flat.map((f) => [f.node.id, f.depth, f.value])).toEqual([
      ['query', 0, 2.5],
      ['loop', 1, undefined],
      ['p', 2, 0.6],
      ['o', 2, 1.2],
    ]);
    expect(flat[3]!.share).toBe(1);
    expect(flat[2]!.share).toBeCloseTo(0.5);
    expect(flat[1]!.share).toBe(0);
  });

  it('use estimated rows when the server gives no cost', () => {
    const flat = flattenPlan(node('q', {}, [node('a', { rows: 10 }), node('b', { rows: 40 })]), 'rows');
    expect(flat.map((f) => f.share)).toEqual([0, 0.25, 1]);
  });
});
