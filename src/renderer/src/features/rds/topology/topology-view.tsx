import '@xyflow/react/dist/style.css';
import { useComputedColorScheme } from '@mantine/core';
import { Background, Controls, MarkerType, ReactFlow, type Edge } from '@xyflow/react';
import { useMemo, useState } from 'react';
import type { RdsInstance } from '@shared/models/rds';
import { sameInstance, type InstanceRef } from '../instance-key';
import { InstanceNode, type InstanceFlowNode } from './instance-node';
import { layoutTopology } from './topology-layout';
import { TopologyLegend } from './topology-legend';
import graph from '@renderer/components/graph.module.css';

export interface TopologyViewProps {
  instances: RdsInstance[];
  selected: InstanceRef | null;
  onSelect: (ref: InstanceRef) => void;
}

const COLUMN_WIDTH = 340;
const ROW_HEIGHT = 86;
const nodeTypes = { instance: InstanceNode };
const TONE_VAR = {
  green: 'var(--mantine-color-green-6)',
  blue: 'var(--mantine-color-blue-6)',
  orange: 'var(--mantine-color-orange-6)',
  gray: 'var(--mantine-color-gray-5)',
  red: 'var(--mantine-color-red-6)',
};

/** Each primary with its replicas, left to right, edges coloured by replication state. */
export function TopologyView({ instances, selected, onSelect }: TopologyViewProps) {
  const colorMode = useComputedColorScheme('light');
  const [ready, setReady] = useState(false);
  const layout = useMemo(() => layoutTopology(instances), [instances]);
  const nodes: InstanceFlowNode[] = layout.nodes.map((n) => ({
    id: n.key,
    type: 'instance',
    position: { x: n.depth * COLUMN_WIDTH, y: n.row * ROW_HEIGHT },
    data: { node: n, selected: sameInstance(selected, n.ref) },
    draggable: false,
    connectable: false,
  }));
  const edges: Edge[] = layout.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    label: e.label,
    labelStyle: { fontSize: 10, fill: 'var(--mantine-color-dimmed)' },
    labelBgStyle: { fill: 'var(--mantine-color-body)' },
    style: { stroke: TONE_VAR[e.tone], strokeWidth: 1.5 },
    markerEnd: { type: MarkerType.ArrowClosed, color: TONE_VAR[e.tone], width: 16, height: 16 },
  }));

  return (
    <div
      className={graph.root}
      data-testid="rds-topology"
      data-ready={ready || undefined}
      data-node-count={nodes.length}
    >
      <ReactFlow
        // A new or removed instance re-fits the view; status changes keep the user's zoom.
        key={nodes.length}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={colorMode}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        minZoom={0.2}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onInit={() => setReady(true)}
        onNodeClick={(_, node) => node.data.node.instance && onSelect(node.data.node.ref)}
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        <TopologyLegend />
      </ReactFlow>
    </div>
  );
}
