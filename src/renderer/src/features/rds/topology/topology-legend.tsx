import { Panel } from '@xyflow/react';
import type { StatusTone } from '../instance-status';
import { ToneDot } from '@renderer/components/tone-dot';
import graph from '@renderer/components/graph.module.css';

const ITEMS: [StatusTone, string][] = [
  ['green', 'available, replicating'],
  ['blue', 'changing'],
  ['orange', 'stopping, deleting'],
  ['gray', 'stopped'],
  ['red', 'failed, replication error'],
];

/** What the colours mean, in the corner of the graph. */
export function TopologyLegend() {
  return (
    <Panel position="top-right" className={graph.legend}>
      {ITEMS.map(([tone, label]) => (
        <span key={tone} className={graph.legendItem}>
          <ToneDot tone={tone} />
          {label}
        </span>
      ))}
    </Panel>
  );
}
