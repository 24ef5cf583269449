import '@xyflow/react/dist/style.css';
import { useComputedColorScheme } from '@mantine/core';
import {
  Background,
  Controls,
  MarkerType,
  Panel,
  ReactFlow,
  type Edge,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { NodeHealth, ReplicationEdge, ReplicationNode } from '@shared/models/replication';
import { ToneDot } from '@renderer/components/tone-dot';
import { HEALTH_LABEL, HEALTH_TONE } from '../replication-format';
import { NodeCard, type NodeCardFlowNode } from './node-card';
import { edgeBroken, layoutReplication } from './replication-layout';
import graph from '@renderer/components/graph.module.css';

export interface ReplicationGraphProps {
  nodes: ReplicationNode[];
  edges: ReplicationEdge[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
  onConnect: (node: ReplicationNode) => void;
}

const COLUMN_WIDTH = 340;
const ROW_HEIGHT = 170;
const nodeTypes = { replicationNode: NodeCard };
const STROKE = 'var(--mantine-color-gray-6)';
const BROKEN = 'var(--mantine-color-red-6)';
const FIT = { padding: 0.25, maxZoom: 1 };
const HEALTHS: NodeHealth[] = ['healthy', 'lagging', 'broken', 'unreachable'];

/** Sources on the left, replicas to their right; a broken channel is drawn dashed and red. */
export function ReplicationGraph({ nodes, edges, selectedKey, onSelect, onConnect }: ReplicationGraphProps) {
  const colorMode = useComputedColorScheme('light');
  const [ready, setReady] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const flow = useRef<ReactFlowInstance<NodeCardFlowNode> | null>(null);
  // Opening or closing the detail panel narrows the canvas: fit the graph again so no card hides.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const observer = new ResizeObserver(() => void flow.current?.fitView(FIT));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const placed = useMemo(() => layoutReplication(nodes, edges), [nodes, edges]);
  const flowNodes: NodeCardFlowNode[] = placed.map(({ node, spot }) => ({
    id: node.key,
    type: 'replicationNode',
    position: { x: spot.depth * COLUMN_WIDTH, y: spot.row * ROW_HEIGHT },
    data: { node, selected: node.key === selectedKey, onConnect },
    draggable: false,
    connectable: false,
  }));
  const flowEdges: Edge[] = edges.map((e) => {
    const broken = edgeBroken(e, nodes);
    const color = broken ? BROKEN : STROKE;
    return {
      id: `${e.from}->${e.to}#${e.channel}`,
      source: e.from,
      target: e.to,
      label: e.channel || undefined,
      labelStyle: { fontSize: 10, fill: 'var(--mantine-color-dimmed)' },
      labelBgStyle: { fill: 'var(--mantine-color-body)' },
      style: { stroke: color, strokeWidth: 1.5, strokeDasharray: broken ? '5 4' : undefined },
      markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
      data: { broken },
    };
  });

  return (
    <div
      ref={root}
      className={graph.root}
      data-testid="replication-graph"
      data-ready={ready || undefined}
      data-node-count={flowNodes.length}
    >
      <ReactFlow
        // A node coming or going re-fits the view; health changes keep the user's zoom.
        key={flowNodes.length}
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        colorMode={colorMode}
        fitView
        fitViewOptions={FIT}
        minZoom={0.2}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onInit={(instance) => {
          flow.current = instance;
          setReady(true);
        }}
        onNodeClick={(_, n) => onSelect(n.id)}
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        <Panel position="top-right" className={graph.legend}>
          {HEALTHS.map((h) => (
            <span key={h} className={graph.legendItem}>
              <ToneDot tone={HEALTH_TONE[h]} />
              {HEALTH_LABEL[h].toLowerCase()}
            </span>
          ))}
        </Panel>
      </ReactFlow>
    </div>
  );
}
