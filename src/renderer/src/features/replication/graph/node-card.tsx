import { Button } from '@mantine/core';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ReplicationNode } from '@shared/models/replication';
import { ToneDot } from '@renderer/components/tone-dot';
import {
  abbreviateGtid,
  formatLagMs,
  formatLagSeconds,
  HEALTH_LABEL,
  HEALTH_TONE,
  reportedLagSeconds,
  ROLE_LABEL,
  serverText,
} from '../replication-format';
import graph from '@renderer/components/graph.module.css';
import classes from './replication-graph.module.css';

export type NodeCardData = {
  node: ReplicationNode;
  selected: boolean;
  onConnect: (node: ReplicationNode) => void;
};
export type NodeCardFlowNode = Node<NodeCardData, 'replicationNode'>;

/** One server of the topology: who it is, its health (colour and word), threads, lags, position. */
export function NodeCard({ data }: NodeProps<NodeCardFlowNode>) {
  const { node, selected, onConnect } = data;
  const unknown = node.access.kind === 'none';
  const gtid = node.channels[0]?.gtidExecuted ?? node.server?.gtidExecuted ?? null;
  return (
    <div
      className={`${graph.card} ${classes.node}`}
      data-health={node.health}
      data-selected={selected || undefined}
      data-unknown={unknown || undefined}
      data-testid="replication-node"
      data-node-key={node.key}
      data-label={node.label}
      data-rds-id={node.rdsInstanceId ?? undefined}
      data-role={node.role ?? undefined}
      data-measured-ms={node.measured?.lagMs ?? undefined}
    >
      <Handle type="target" position={Position.Left} className={graph.handle} isConnectable={false} />
      <div className={classes.head}>
        <ToneDot tone={HEALTH_TONE[node.health]} />
        <span className={classes.label} title={node.label}>
          {node.label}
        </span>
        <span className={classes.role} data-role={node.role ?? 'unknown'}>
          {node.role ? ROLE_LABEL[node.role] : unknown ? 'not connected' : 'unknown'}
        </span>
      </div>
      <div className={classes.line}>
        <span className={classes.health} data-testid="node-health">
          {HEALTH_LABEL[node.health]}
        </span>
        <span className={classes.dim}>
          {node.server ? serverText(node.server.flavor, node.server.version) : `${node.host}:${node.port}`}
        </span>
      </div>
      {node.channels.map((c) => (
        <div key={c.channel} className={classes.threads} data-testid="node-threads">
          {c.channel !== '' && <span className={classes.dim}>{c.channel}</span>}
          <Thread name="IO" state={c.ioThread} />
          <span className={classes.dim}>·</span>
          <Thread name="SQL" state={c.sqlThread} />
        </div>
      ))}
      {(node.channels.length > 0 || node.measured) && (
        <div className={classes.lags}>
          <span>
            <span className={classes.dim}>reported </span>
            <b data-testid="node-reported-lag">{formatLagSeconds(reportedLagSeconds(node))}</b>
          </span>
          <span>
            <span className={classes.dim}>measured </span>
            <b data-testid="node-measured-lag">{measuredText(node)}</b>
          </span>
        </div>
      )}
      {gtid && (
        <div className={classes.gtid} title={gtid}>
          GTID {abbreviateGtid(gtid)}
        </div>
      )}
      {node.health !== 'healthy' && node.healthReason && (
        <div className={classes.reason} data-testid="node-reason" title={node.healthReason}>
          {node.healthReason}
        </div>
      )}
      {unknown && (
        <Button
          size="compact-xs"
          variant="light"
          mt={6}
          className="nodrag nopan"
          onClick={(e) => {
            e.stopPropagation();
            onConnect(node);
          }}
          data-testid="node-connect"
        >
          Connect…
        </Button>
      )}
      <Handle type="source" position={Position.Right} className={graph.handle} isConnectable={false} />
    </div>
  );
}

function Thread({ name, state }: { name: string; state: 'running' | 'connecting' | 'stopped' }) {
  return (
    <span className={classes.thread} data-state={state}>
      {name} {state}
    </span>
  );
}

/** An unreachable node's last sample is stale: no number rather than a wrong one. */
function measuredText(node: ReplicationNode): string {
  if (!node.measured) return 'off';
  return node.health === 'unreachable' ? '—' : formatLagMs(node.measured.lagMs);
}
