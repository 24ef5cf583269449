import type { ReplicationEdge, ReplicationNode } from '@shared/models/replication';
import { placeForest, type TreePlacement } from '@renderer/components/tree-layout';

export interface PlacedNode {
  node: ReplicationNode;
  spot: TreePlacement;
}

/** Sources left of their replicas, the same layout as the RDS topology (one tree per primary). */
export function layoutReplication(
  nodes: readonly ReplicationNode[],
  edges: readonly ReplicationEdge[],
): PlacedNode[] {
  const parent = new Map<string, string>();
  // A multi-source replica sits under its first source; the other edges are still drawn.
  for (const e of edges) if (!parent.has(e.to) && e.from !== e.to) parent.set(e.to, e.from);
  const spots = placeForest(
    nodes.map((n) => n.key),
    parent,
  );
  return nodes.map((node) => ({ node, spot: spots.get(node.key) ?? { depth: 0, row: 0 } }));
}

/** Whether the channel behind an edge is broken: dashed and red on the graph. */
export function edgeBroken(edge: ReplicationEdge, nodes: readonly ReplicationNode[]): boolean {
  const replica = nodes.find((n) => n.key === edge.to);
  const channel = replica?.channels.find((c) => c.channel === edge.channel);
  if (!channel) return replica?.health === 'broken';
  return channel.ioThread === 'stopped' || channel.sqlThread === 'stopped';
}
