import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { StatusTone } from '../instance-status';
import { engineText } from '../instance-format';
import type { TopologyNode } from './topology-layout';
import { ToneDot } from '@renderer/components/tone-dot';
import graph from '@renderer/components/graph.module.css';
import classes from './topology.module.css';

export type InstanceNodeData = { node: TopologyNode; selected: boolean };
export type InstanceFlowNode = Node<InstanceNodeData, 'instance'>;

const TONE_LABEL: Record<StatusTone, string> = {
  green: 'healthy',
  blue: 'in progress',
  orange: 'stopping or deleting',
  gray: 'stopped or unknown',
  red: 'needs attention',
};

/** One instance in the graph: border and dot coloured by status and replication state. */
export function InstanceNode({ data }: NodeProps<InstanceFlowNode>) {
  const { node, selected } = data;
  const i = node.instance;
  return (
    <div
      className={`${graph.card} ${classes.node}`}
      data-tone={node.tone}
      data-selected={selected || undefined}
      data-ghost={!i || undefined}
      title={`${node.ref.id}: ${TONE_LABEL[node.tone]}`}
      data-testid="topology-node"
      data-instance-id={node.ref.id}
      data-region={node.ref.region}
      data-status={i?.status}
      data-replication={i?.replication?.status}
    >
      <Handle type="target" position={Position.Left} className={graph.handle} isConnectable={false} />
      <div className={classes.title}>
        <ToneDot tone={node.tone} />
        <span className={classes.id}>{node.ref.id}</span>
      </div>
      {i ? (
        <>
          <div className={classes.line}>
            {engineText(i)} · {i.instanceClass ?? '?'}
          </div>
          <div className={classes.line}>
            <span>{i.status}</span>
            {i.replication && <span className={classes.replication}> · {i.replication.status}</span>}
            <span className={classes.region}>{i.region}</span>
          </div>
        </>
      ) : (
        <div className={classes.line}>{node.ref.region}: not in the chosen regions</div>
      )}
      <Handle type="source" position={Position.Right} className={graph.handle} isConnectable={false} />
    </div>
  );
}
